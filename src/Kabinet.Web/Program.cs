using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.CollegeAdmission;
using Kabinet.Web.Features.Applications;
using Kabinet.Web.Features.AdditionalEducation;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Enrollment;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Faq;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Messages;
using Kabinet.Web.Features.Notifications;
using Kabinet.Web.Features.Kindergarten;

KabinetCommand command;
try
{
    command = KabinetCommand.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var builder = WebApplication.CreateBuilder(command.HostArgs);
builder.AddPlatform();
builder.AddData();
builder.AddEmail();
builder.AddAccounts();
builder.AddFamilies();
builder.AddInstitutions();
builder.AddNotifications();
builder.AddKindergarten();
builder.AddFaq();
builder.AddDiary();
builder.AddMessages();
builder.AddCollegeAdmission();
builder.AddApplications();
builder.AddAdditionalEducation();
builder.AddEnrollment();

var app = builder.Build();
app.UsePlatform();
app.UseAccounts();
app.MapPlatform();
app.MapInstitutions();
app.MapEnrollment();
app.MapRazorPages();

return await app.RunCommandAsync(command);

/// <summary>The application's entry point, visible to the test host.</summary>
public partial class Program;
