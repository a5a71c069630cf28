using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families;

/// <summary>A person as other modules see them.</summary>
public sealed record PersonSummary(int Id, string FullName, DateOnly? BirthDate);

/// <summary>A person's name parts, to compose into another module's query (<see cref="FamilyDirectory.PersonNames"/>); settable members, so EF can join on them.</summary>
public sealed record PersonName
{
    public int Id { get; init; }

    public string LastName { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string? MiddleName { get; init; }

    public string FullName => MiddleName is null ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";
}

/// <summary>What other modules may ask about people and families.</summary>
public sealed partial class FamilyDirectory(KabinetDbContext db)
{
    public async Task<PersonSummary?> FindPersonAsync(int personId, CancellationToken ct) =>
        await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct) is { } person
            ? new PersonSummary(person.Id, person.FullName, person.BirthDate)
            : null;

    /// <summary>People's names as a query another module joins into its own (one statement instead of a second round trip).</summary>
    public IQueryable<PersonName> PersonNames() => db.People.Select(p => new PersonName { Id = p.Id, LastName = p.LastName, FirstName = p.FirstName, MiddleName = p.MiddleName });

    /// <summary>
    /// The ids of the children a person is a legal representative of, as a query to compose into another module's
    /// query (one SQL statement with a subquery, which the database and EF cache, instead of a list of ids).
    /// </summary>
    public IQueryable<int> ChildIdsOf(int guardianId) => db.FamilyLinks.Where(l => l.GuardianId == guardianId).Select(l => l.ChildId);

    /// <summary>The children of many guardians at once: (guardian, child) pairs.</summary>
    public async Task<IReadOnlyList<(int GuardianId, int ChildId)>> ChildrenOfManyAsync(IEnumerable<int> guardianIds, CancellationToken ct)
    {
        var ids = guardianIds.Distinct().ToList();
        var links = await db.FamilyLinks.AsNoTracking().Where(l => ids.Contains(l.GuardianId)).Select(l => new { l.GuardianId, l.ChildId }).ToListAsync(ct);
        return [.. links.Select(l => (l.GuardianId, l.ChildId))];
    }

    /// <summary>The children a person is a legal representative of, eldest first.</summary>
    public async Task<IReadOnlyList<PersonSummary>> ChildrenOfAsync(int guardianId, CancellationToken ct)
    {
        // Asked on every submission of an application (is this the applicant's child?): a compiled query of the few columns it needs.
        var children = new List<PersonSummary>();
        await foreach (var child in ChildrenQuery(db, guardianId).WithCancellation(ct))
            children.Add(new PersonSummary(child.Name.Id, child.Name.FullName, child.BirthDate));
        return children;
    }

    private sealed record ChildRow(PersonName Name, DateOnly? BirthDate);

    private static readonly Func<KabinetDbContext, int, IAsyncEnumerable<ChildRow>> ChildrenQuery = EF.CompileAsyncQuery(
        (KabinetDbContext db, int guardianId) => db.FamilyLinks
            .Where(l => l.GuardianId == guardianId)
            .Select(l => l.Child!)
            .OrderBy(c => c.BirthDate)
            .Select(c => new ChildRow(new PersonName { Id = c.Id, LastName = c.LastName, FirstName = c.FirstName, MiddleName = c.MiddleName }, c.BirthDate)));

    /// <summary>Records a new person (a registering adult) in the caller's unit of work and returns their id.</summary>
    public async Task<int> AddPersonAsync(string lastName, string firstName, string? middleName, CancellationToken ct)
    {
        var person = new Person { LastName = lastName, FirstName = firstName, MiddleName = middleName };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person.Id;
    }

    /// <summary>Ids of people whose surname starts with the text (as people write it: «иванова» finds «Иванова-Петрова»), at most a limit.</summary>
    public async Task<IReadOnlyList<int>> FindBySurnameAsync(string text, int limit, CancellationToken ct)
    {
        var surname = Names.Capitalize(text);
        return await db.People.AsNoTracking().Where(p => p.LastName.StartsWith(surname)).OrderBy(p => p.Id).Select(p => p.Id).Take(limit).ToListAsync(ct);
    }

    /// <summary>Dates of birth of people by id (people without one are left out).</summary>
    public async Task<IReadOnlyDictionary<int, DateOnly>> BirthDatesAsync(IEnumerable<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.BirthDate != null).ToDictionaryAsync(p => p.Id, p => p.BirthDate!.Value, ct);
    }
}
