using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families.Children;

public sealed record ChildInput(
    string LastName, string FirstName, string? MiddleName, DateOnly BirthDate, Sex Sex, FamilyRelation Relation,
    DocumentKind DocumentKind, string DocumentSeries, string DocumentNumber, string? Snils);

public enum AddChildOutcome
{
    /// <summary>The child's student record matched exactly and is now linked.</summary>
    Linked,

    /// <summary>A student record looks like the child but does not match exactly: the organisation will confirm.</summary>
    SentForConfirmation,

    /// <summary>No record of the child yet: a new one was made.</summary>
    Created,

    /// <summary>This parent already has this child.</summary>
    AlreadyAdded,

    /// <summary>A request for this child is already waiting.</summary>
    AlreadyRequested,
}

public sealed record AddChildResult(AddChildOutcome Outcome, string? OrganisationName = null);

/// <summary>
/// A parent adds a child. A child who already studies is found by ФИО and date of birth: when the birth
/// document matches the school's record too, the link is made at once; otherwise the school confirms it.
/// Two parents may each link the same child. Every change is recorded in the personal-data log.
/// </summary>
public sealed class AddChild(KabinetDbContext db, InstitutionDirectory institutions, TimeProvider time)
{
    public async Task<AddChildResult> HandleAsync(int guardianId, int accountId, ChildInput child, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync($"children:{guardianId}", ct); // a double click adds the child once
        var result = await AddAsync(guardianId, accountId, child, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task<AddChildResult> AddAsync(int guardianId, int accountId, ChildInput child, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.People.AsNoTracking()
            .Where(p => p.LastName == child.LastName && p.FirstName == child.FirstName && p.MiddleName == child.MiddleName && p.BirthDate == child.BirthDate)
            .ToListAsync(ct);
        var candidateIds = candidates.Select(c => c.Id).ToList();
        if (await db.FamilyLinks.AnyAsync(l => l.GuardianId == guardianId && candidateIds.Contains(l.ChildId), ct))
            return new AddChildResult(AddChildOutcome.AlreadyAdded);

        var places = await institutions.PlacesOfAsync(candidateIds, ct);
        var exact = candidates.FirstOrDefault(c => c.HasDocument(child.DocumentKind, child.DocumentSeries, child.DocumentNumber));
        if (exact is not null)
        {
            db.FamilyLinks.Add(new FamilyLink { GuardianId = guardianId, ChildId = exact.Id, Relation = child.Relation });
            Log(accountId, exact.Id, "связь с ребёнком по данным свидетельства", now);
            await db.SaveChangesAsync(ct);
            return new AddChildResult(AddChildOutcome.Linked, places.FirstOrDefault(p => p.PersonId == exact.Id)?.OrganisationName);
        }

        var studying = places.Count > 0 ? places[0] : null;
        if (studying is not null)
        {
            if (await db.ChildLinkRequests.AnyAsync(r => r.GuardianId == guardianId && r.ChildId == studying.PersonId && r.Status == LinkRequestStatus.Pending, ct))
                return new AddChildResult(AddChildOutcome.AlreadyRequested, studying.OrganisationName);
            db.ChildLinkRequests.Add(new ChildLinkRequest
            {
                GuardianId = guardianId,
                RequestedByAccountId = accountId,
                ChildId = studying.PersonId,
                OrganisationId = studying.OrganisationId,
                Relation = child.Relation,
                LastName = child.LastName,
                FirstName = child.FirstName,
                MiddleName = child.MiddleName,
                BirthDate = child.BirthDate,
                DocumentKind = child.DocumentKind,
                DocumentSeries = child.DocumentSeries,
                DocumentNumber = child.DocumentNumber,
                CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            return new AddChildResult(AddChildOutcome.SentForConfirmation, studying.OrganisationName);
        }

        var person = new Person
        {
            LastName = child.LastName,
            FirstName = child.FirstName,
            MiddleName = child.MiddleName,
            BirthDate = child.BirthDate,
            Sex = child.Sex,
            Snils = child.Snils,
            DocumentKind = child.DocumentKind,
            DocumentSeries = child.DocumentSeries,
            DocumentNumber = child.DocumentNumber,
        };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        db.FamilyLinks.Add(new FamilyLink { GuardianId = guardianId, ChildId = person.Id, Relation = child.Relation });
        Log(accountId, person.Id, "сведения о ребёнке добавлены родителем", now);
        await db.SaveChangesAsync(ct);
        return new AddChildResult(AddChildOutcome.Created);
    }

    private void Log(int accountId, int personId, string what, DateTime now) =>
        db.PersonalDataAccess.Add(new PersonalDataAccess { ActorAccountId = accountId, SubjectPersonId = personId, Action = "change", What = what, At = now });
}
