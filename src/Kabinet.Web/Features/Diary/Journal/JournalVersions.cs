using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>
/// The per-class journal version: every journal write raises it in its own transaction, so the family diary (which
/// caches a class's week by this number and reads it on every request) shows the change on the next request.
/// </summary>
public sealed class JournalVersions(KabinetDbContext db)
{
    /// <summary>The class's current version (0 — nothing written yet).</summary>
    public async Task<long> CurrentAsync(int classGroupId, CancellationToken ct) =>
        await db.ClassJournalVersions.AsNoTracking().Where(v => v.ClassGroupId == classGroupId).Select(v => (long?)v.Version).FirstOrDefaultAsync(ct) ?? 0;

    /// <summary>
    /// Opens the write's transaction and raises the class's version first: the row lock it takes makes concurrent
    /// writes to one class wait for each other, so no raise is lost. The caller saves and commits.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWriteAsync(int classGroupId, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await RaiseAsync(classGroupId, ct);
        return transaction;
    }

    /// <summary>
    /// Raises the class's version inside the caller's transaction: what the family diary shows of the class changed
    /// (the journal, or the timetable of its dates), so its cached weeks are read again on the next request.
    /// </summary>
    public async Task RaiseAsync(int classGroupId, CancellationToken ct)
    {
        // The same statement works on SQLite and PostgreSQL: the row is made on the class's first write.
        await db.Database.ExecuteSqlAsync($"INSERT INTO diary_class_versions (class_group_id, version) VALUES ({classGroupId}, 0) ON CONFLICT DO NOTHING", ct);
        await db.ClassJournalVersions.Where(v => v.ClassGroupId == classGroupId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);
    }

    /// <summary>Saves the unit of work and raises the class's version in one transaction.</summary>
    public async Task SaveAsync(int classGroupId, CancellationToken ct)
    {
        await using var transaction = await BeginWriteAsync(classGroupId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
