using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kabinet.Web.Features.Kindergarten.Queue;

/// <summary>
/// A counter that moves whenever an application, its choices or its history is saved on this node: cached
/// queues are keyed by it, so a change is seen at once here and within the cache's lifetime on other nodes.
/// </summary>
public sealed class QueueChanges : SaveChangesInterceptor
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notice(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>For changes made without the change tracker (bulk updates).</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    // Pages read applications without tracking; a tracked one means this unit of work wrote it.
    private void Notice(DbContext? context)
    {
        if (context is not null && (context.ChangeTracker.Entries<QueueApplication>().Any() || context.ChangeTracker.Entries<ApplicationChoice>().Any()))
            Changed();
    }
}
