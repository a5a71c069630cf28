using System.Reflection;
using NetArchTest.Rules;

namespace Kabinet.Tests.Architecture;

/// <summary>
/// Modules meet only through their facades (ARCHITECTURE.md): a module may use another module's
/// facade types, never its entities, pages or use cases. Data (the DbContext and the seed) is where all
/// modules meet and is exempt; Common knows no module.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Features = "Kabinet.Web.Features";
    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Each module's public face: what others may depend on.</summary>
    private static readonly Dictionary<string, string[]> Facades = new()
    {
        ["Accounts"] = ["AccountDirectory", "KabinetClaims", "KabinetPolicies", "PortalRole", "PortalRoleNames"],
        ["Families"] = ["FamilyDirectory", "PersonSummary", "PersonName", "PersonProfile", "Sex", "DocumentKind", "Documents", "Names"],
        ["Institutions"] = ["InstitutionDirectory", "RegionSummary", "StudyPlace", "NamedItem", "OrganisationKind", "OrganisationKindNames", "KindergartenGroupPlaces", "KindergartenFreePlaces", "GroupFocus", "DailyMode", "SchoolYear", "SchoolTerm", "SchoolClass", "StaffMember", "StudentClass", "StudentClassRow", "SchoolOfMunicipality"],
        ["Kindergarten"] = [],
        ["Home"] = [],
        ["Errors"] = [],
        ["ApiDocs"] = [],
        ["Shared"] = [],
        ["Bench"] = [],
        ["DevTools"] = [],
        ["Support"] = [],
        ["Notifications"] = ["NotificationCentre", "NotificationKinds", "NotificationRequest", "NotificationRecipients"],
        ["Faq"] = ["FaqMarkdown"], // the portal's safe Markdown, also for homework
        ["Diary"] = ["DiaryDirectory", "ClassTeacher", "MarkValue", "MarkValues", "MarkSummary", "MarkAverages", "DiaryToday", "DiaryTodayLesson", "DiaryRecentMark", "DiaryDueHomework"],
        ["Messages"] = ["MessageInbox"],
        ["CollegeAdmission"] = [],
        ["Applications"] = [],
        ["AdditionalEducation"] = [],
        ["Enrollment"] = [],
    };

    public static TheoryData<string, string> ModulePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Facades.Keys)
        {
            foreach (var to in Facades.Keys.Where(t => t != from))
                data.Add(from, to);
        }

        return data;
    }

    [Fact]
    public void Every_module_folder_is_known_to_this_test()
    {
        var modules = Web.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n?.StartsWith(Features + ".", StringComparison.Ordinal) == true)
            .Select(n => n![(Features.Length + 1)..].Split('.')[0])
            .ToHashSet();

        Assert.Subset(Facades.Keys.ToHashSet(), modules);
    }

    [Theory]
    [MemberData(nameof(ModulePairs))]
    public void A_module_uses_another_only_through_its_facade(string from, string to)
    {
        var internals = Web.GetTypes()
            .Where(t => t.Namespace?.StartsWith($"{Features}.{to}", StringComparison.Ordinal) == true)
            .Where(t => !Facades[to].Contains(OuterName(t)))
            .Select(t => t.FullName!)
            .ToArray();
        if (internals.Length == 0)
            return;

        var result = Types.InAssembly(Web)
            .That().ResideInNamespace($"{Features}.{from}")
            .ShouldNot().HaveDependencyOnAny(internals)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{from} reaches into {to}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Common_code_knows_no_module()
    {
        var result = Types.InAssembly(Web)
            .That().ResideInNamespace("Kabinet.Web.Common")
            .ShouldNot().HaveDependencyOn(Features)
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Entities_hold_no_web_or_database_plumbing()
    {
        var entities = new[] { "Municipality", "Organisation", "AcademicYear", "StudyPeriod", "ClassGroup", "KindergartenGroup", "Employee", "Person", "FamilyLink", "RoleGrant", "Subject", "WorkKind", "TeachingAssignment", "Bell", "TimetableSlot", "TimetableChange" };
        var result = Types.InAssembly(Web)
            .That().HaveName(entities)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Kabinet.Web.Data")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static string OuterName(Type type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type.Name;
    }
}
