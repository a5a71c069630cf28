using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Issuing;

/// <summary>One person to give an account: an existing person (from a class list) or a new one (from a file).</summary>
public sealed record IssueRequest(int? PersonId, string FullName, string? LastName, string? FirstName, string? MiddleName, PortalRole Role, string? Email);

/// <summary>A line of the printable sheet: the one-time password exists only here and in the printed copy.</summary>
public sealed record IssuedCredential(string FullName, PortalRole Role, string Login, string? TemporaryPassword, string? Note);

/// <summary>The uploaded list a batch came from: its SHA-256 and name.</summary>
public sealed record ListFile(string Sha256, string FileName);

/// <summary>The printable sheet, or the earlier upload of the same file (nothing issued again).</summary>
public sealed record IssueOutcome(IReadOnlyList<IssuedCredential> Sheet, IssuedList? AlreadyIssued);

/// <summary>
/// An organisation's administrator issues accounts: a login and a one-time password each, a role at the
/// organisation (students, teachers) or as a parent, all in one transaction. People who already have an
/// account are listed with their login and get no new one.
/// </summary>
public sealed class IssueAccounts(KabinetDbContext db, UserManager<Account> users, FamilyDirectory families, TimeProvider time)
{
    public async Task<IssueOutcome> HandleAsync(int organisationId, int issuedBy, IReadOnlyList<IssueRequest> people, ListFile? file, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var result = new List<IssuedCredential>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync($"issuing:{organisationId}", ct); // a double click issues once
        if (file is not null)
        {
            var earlier = await db.IssuedLists.AsNoTracking().FirstOrDefaultAsync(l => l.OrganisationId == organisationId && l.Sha256 == file.Sha256, ct);
            if (earlier is not null)
                return new IssueOutcome([], earlier);
            db.IssuedLists.Add(new IssuedList
            {
                OrganisationId = organisationId,
                Sha256 = file.Sha256,
                FileName = file.FileName.Length > 255 ? file.FileName[..255] : file.FileName,
                People = people.Count,
                IssuedByAccountId = issuedBy,
                IssuedAt = now,
            });
        }

        var existingIds = people.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).ToList();
        var existing = await db.Users.AsNoTracking().Where(a => existingIds.Contains(a.PersonId)).ToDictionaryAsync(a => a.PersonId, a => a.UserName!, ct);
        foreach (var request in people)
        {
            if (request.PersonId is { } id && existing.TryGetValue(id, out var login))
            {
                result.Add(new IssuedCredential(request.FullName, request.Role, login, null, "учётная запись уже есть"));
                continue;
            }

            var (lastName, firstName, middleName) = (request.LastName!, request.FirstName!, request.MiddleName);
            if (request.PersonId is { } known && await families.ProfileAsync(known, ct) is { } profile)
                (lastName, firstName, middleName) = (profile.LastName, profile.FirstName, profile.MiddleName);
            var personId = request.PersonId ?? await families.AddPersonAsync(lastName, firstName, middleName, ct);
            var (account, password) = await Credentials.CreateWithTemporaryPasswordAsync(
                db, users, personId, lastName, firstName, middleName, request.Email, phone: null, now, ct);
            db.RoleGrants.Add(RoleGrant.Create(account.Id, request.Role, now,
                organisationId: request.Role == PortalRole.Parent ? null : organisationId, grantedById: issuedBy));
            await db.SaveChangesAsync(ct);
            existing[personId] = account.UserName!;
            result.Add(new IssuedCredential(request.FullName, request.Role, account.UserName!, password, null));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new IssueOutcome(result, null);
    }
}
