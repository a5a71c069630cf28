using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families;

/// <summary>A person's own data as the profile form edits it.</summary>
public sealed record PersonProfile(
    string LastName, string FirstName, string? MiddleName, DateOnly? BirthDate, Sex? Sex,
    string? RegistrationAddress, string? ResidenceAddress, string? Snils,
    DocumentKind? DocumentKind, string? DocumentSeries, string? DocumentNumber, DateOnly? DocumentIssuedOn, string? DocumentIssuedBy);

public sealed partial class FamilyDirectory
{
    public async Task<PersonProfile?> ProfileAsync(int personId, CancellationToken ct) =>
        await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct) is { } p
            ? new PersonProfile(p.LastName, p.FirstName, p.MiddleName, p.BirthDate, p.Sex, p.RegistrationAddress, p.ResidenceAddress, p.Snils,
                p.DocumentKind, p.DocumentSeries, p.DocumentNumber, p.DocumentIssuedOn, p.DocumentIssuedBy)
            : null;

    /// <summary>Saves the person's own data and records which parts changed (152-ФЗ accountability).</summary>
    public async Task SaveProfileAsync(int personId, int actorAccountId, PersonProfile profile, DateTime now, CancellationToken ct)
    {
        var person = await db.People.SingleAsync(p => p.Id == personId, ct);
        var changed = new List<string>();
        void Set<T>(T current, T value, Action<T> apply, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                apply(value);
                changed.Add(what);
            }
        }

        Set(person.LastName, profile.LastName, v => person.LastName = v, "фамилия");
        Set(person.FirstName, profile.FirstName, v => person.FirstName = v, "имя");
        Set(person.MiddleName, profile.MiddleName, v => person.MiddleName = v, "отчество");
        Set(person.BirthDate, profile.BirthDate, v => person.BirthDate = v, "дата рождения");
        Set(person.Sex, profile.Sex, v => person.Sex = v, "пол");
        Set(person.RegistrationAddress, profile.RegistrationAddress, v => person.RegistrationAddress = v, "адрес регистрации");
        Set(person.ResidenceAddress, profile.ResidenceAddress, v => person.ResidenceAddress = v, "адрес проживания");
        Set(person.Snils, profile.Snils, v => person.Snils = v, "СНИЛС");
        Set(person.DocumentKind, profile.DocumentKind, v => person.DocumentKind = v, "вид документа");
        Set(person.DocumentSeries, profile.DocumentSeries, v => person.DocumentSeries = v, "серия документа");
        Set(person.DocumentNumber, profile.DocumentNumber, v => person.DocumentNumber = v, "номер документа");
        Set(person.DocumentIssuedOn, profile.DocumentIssuedOn, v => person.DocumentIssuedOn = v, "дата выдачи документа");
        Set(person.DocumentIssuedBy, profile.DocumentIssuedBy, v => person.DocumentIssuedBy = v, "кем выдан документ");
        if (changed.Count == 0)
            return;
        db.PersonalDataAccess.Add(new PersonalDataAccess
        {
            ActorAccountId = actorAccountId, SubjectPersonId = personId, Action = "change", What = string.Join(", ", changed), At = now,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A staff member's view of a person's data, for the log «Кто просматривал данные моего ребёнка» (in the caller's unit of work).</summary>
    public void RecordView(int actorAccountId, int personId, string what, DateTime now) =>
        db.PersonalDataAccess.Add(new PersonalDataAccess { ActorAccountId = actorAccountId, SubjectPersonId = personId, Action = "view", What = what, At = now });

    /// <summary>Names of people by id.</summary>
    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(IEnumerable<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => p.FullName);
    }

    /// <summary>The legal representatives of each child: (child, guardian) pairs.</summary>
    public async Task<IReadOnlyList<(int ChildId, int GuardianId)>> GuardiansOfAsync(IEnumerable<int> childIds, CancellationToken ct)
    {
        var ids = childIds.Distinct().ToList();
        var links = await db.FamilyLinks.AsNoTracking().Where(l => ids.Contains(l.ChildId)).Select(l => new { l.ChildId, l.GuardianId }).ToListAsync(ct);
        return [.. links.Select(l => (l.ChildId, l.GuardianId))];
    }
}
