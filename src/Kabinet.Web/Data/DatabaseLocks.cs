using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Data;

/// <summary>
/// Serialises work on one key (a parent's children, an e-mail being registered) across requests and nodes,
/// for the rest of the current transaction: check-then-insert cannot run twice at once. PostgreSQL takes a
/// transaction-scoped advisory lock; SQLite transactions here are already serial (BEGIN IMMEDIATE).
/// </summary>
public static class DatabaseLocks
{
    public static async Task SerializeAsync(this KabinetDbContext db, string key, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("SerializeAsync needs an open transaction.");
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct);
    }
}
