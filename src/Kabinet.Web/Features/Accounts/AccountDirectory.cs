using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts;

/// <summary>What other modules may ask about accounts: where to write to their owner.</summary>
public sealed class AccountDirectory(KabinetDbContext db)
{
    public Task<string?> EmailOfAsync(int accountId, CancellationToken ct) =>
        db.Users.Where(a => a.Id == accountId).Select(a => a.Email).FirstOrDefaultAsync(ct);
}
