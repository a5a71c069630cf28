using Kabinet.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// One complaint «Не выдали логин и пароль» of the demo pupil about the gymnasium, filed a week ago and not answered:
/// demo.admin and demo.operator see it highlighted as overdue, demo.uchenik sees it in «Заявления».
/// </summary>
internal static class ApplicationsDemo
{
    /// <summary>Adds the complaint after the demo accounts exist (its author is one); the caller's transaction keeps it whole.</summary>
    public static async Task AddAsync(KabinetDbContext db, GeneratedRegion region, TimeProvider time, CancellationToken ct)
    {
        var cast = region.Cast;
        var author = await db.Users.Where(u => u.PersonId == cast.StudentPersonId).Select(u => u.Id).SingleAsync(ct);
        var filed = time.GetUtcNow().UtcDateTime.AddDays(-7);
        var complaint = new Complaint
        {
            AuthorAccountId = author, AuthorPersonId = cast.StudentPersonId, MunicipalityId = cast.KemerovoId, OrganisationId = cast.GymnasiumId,
            ChildPersonId = cast.StudentPersonId, ChildName = region.People[cast.StudentPersonId - 1].FullName, ClassName = "5А",
            Text = "Мне выдали логин для дневника, но пароль в листке не подходит, а классный руководитель говорит, что новый выдаст только администратор.",
            Email = "uchenik@kabinet.example", CreatedAt = filed,
        };
        complaint.Filed(filed);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
    }
}
