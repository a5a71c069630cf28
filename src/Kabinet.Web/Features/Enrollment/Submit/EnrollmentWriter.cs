using System.Text.Json;
using System.Threading.Channels;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kabinet.Web.Features.Enrollment.Submit;

/// <summary>A checked school application waiting for the writer, with what it needs to be stored and answered.</summary>
internal sealed record PendingApplication(
    int AccountId, int PersonId, string Key, string Hash, SchoolApplicationRequest Request, int CampaignId, int MunicipalityId, int Grade,
    bool OnTerritory, string Phone, string? Email, IReadOnlyList<PendingDocument> Documents)
{
    public TaskCompletionSource<SubmissionOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Transactions this application was in that lost a race on a unique index.</summary>
    public int Races { get; set; }
}

/// <summary>A scan already saved in the file store, to be listed with the application.</summary>
internal sealed record PendingDocument(SchoolDocumentKind Kind, string StorageKey, long Size, string Sha256, string Name, string ContentType);

/// <summary>
/// The one writer of school applications on this node (group commit, perf-reliability §3.3 option b). Submissions are
/// checked in parallel by their requests and then queue here in arrival order; the writer takes everything waiting
/// (up to <see cref="MaxBatch"/>) and stores it in one transaction: one query finds keys already used and one finds
/// active applications for the same child and school, then each campaign's counter moves once by the number of its
/// applications (UPDATE … RETURNING locks the row to the commit, so the numbers are a contiguous range, gapless and in
/// the order of durable acceptance), the applications with history, scans, keys and notifications are inserted, and one
/// commit — one fsync — acknowledges the whole batch. A press that repeats a key, or a second application for the same
/// child and school within the batch, waits for the next batch, where it is answered as a replay or a duplicate.
/// </summary>
public sealed class EnrollmentWriter(IServiceScopeFactory scopes, ILogger<EnrollmentWriter> logger) : IAsyncDisposable
{
    /// <summary>Applications stored by one transaction at most.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<PendingApplication> _queue = Channel.CreateUnbounded<PendingApplication>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>Queues a checked application; the task ends when it is committed (Created) or answered otherwise.</summary>
    internal Task<SubmissionOutcome> WriteAsync(PendingApplication pending)
    {
        if (_loop is null)
        {
            lock (_start)
                _loop ??= Task.Run(RunAsync);
        }

        if (!_queue.Writer.TryWrite(pending))
            pending.Done.TrySetResult(SubmissionOutcome.Down);
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
            await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingApplication>(MaxBatch);
        var again = new List<PendingApplication>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                await WriteBatchAsync(batch, again);
            }
            catch (Exception e)
            {
                // Nothing unanswered of this batch was committed: it is told to press again (the key makes that safe).
                again.Clear();
                if (DbExceptions.IsUnavailable(e))
                    logger.LogWarning(e, "A batch of {Count} school applications was not stored: the database is unavailable", batch.Count);
                else
                    logger.LogError(e, "A batch of {Count} school applications was not stored", batch.Count);
                foreach (var p in batch)
                    p.Done.TrySetResult(SubmissionOutcome.Down);
            }

            foreach (var p in again)
            {
                if (!_queue.Writer.TryWrite(p))
                    p.Done.TrySetResult(SubmissionOutcome.Down);
            }

            batch.Clear();
            again.Clear();
        }
    }

    /// <summary>Stores a batch; what has to go again (a twin of an application in it, or all after a lost race) goes to <paramref name="again"/>.</summary>
    private async Task WriteBatchAsync(List<PendingApplication> batch, List<PendingApplication> again)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var accepted = await SortOutAsync(db, batch, again);
        if (accepted.Count == 0)
            return;

        var notifications = scope.ServiceProvider.GetRequiredService<NotificationCentre>();
        var recipients = await notifications.RecipientsAsync(accepted.Select(p => p.AccountId), [NotificationKinds.SchoolApplication], CancellationToken.None);
        try
        {
            await InsertAsync(db, notifications, scope.ServiceProvider.GetRequiredService<TimeProvider>(), accepted, recipients);
        }
        catch (DbUpdateException e) when (!DbExceptions.IsUnavailable(e))
        {
            // Another node stored a twin while this batch was sorted out. The applications go again: the next batch finds the
            // twin stored and answers it as a replay or a duplicate, and stores the others. A third lost race is a fault.
            logger.LogInformation(e, "A batch of {Count} school applications lost a race on a unique index; they go again", accepted.Count);
            foreach (var p in accepted)
            {
                if (++p.Races < 3)
                    again.Add(p);
                else
                    p.Done.TrySetResult(SubmissionOutcome.Down);
            }
        }
    }

    /// <summary>
    /// Answers the presses whose key is already stored (a replay, or a conflict for other data) and the applications a
    /// stored active one duplicates; defers twins within the batch to the next one. Returns what is to be inserted.
    /// </summary>
    private static async Task<List<PendingApplication>> SortOutAsync(KabinetDbContext db, List<PendingApplication> batch, List<PendingApplication> again)
    {
        var accounts = batch.Select(p => p.AccountId).Distinct().ToList();
        var keys = batch.Select(p => p.Key).Distinct().ToList();
        var stored = await db.Set<SubmissionKey>().AsNoTracking()
            .Where(k => accounts.Contains(k.AccountId) && keys.Contains(k.Key))
            .Select(k => new { k.AccountId, k.Key, k.RequestHash, k.Response, k.ApplicationId })
            .ToListAsync();
        var storedKeys = stored.ToDictionary(k => (k.AccountId, k.Key));

        var children = batch.Select(p => p.Request.ChildId).Distinct().ToList();
        var active = (await db.Set<SchoolApplication>().AsNoTracking()
            .Where(a => children.Contains(a.ChildPersonId) && (a.Status == SchoolApplicationStatus.Registered || a.Status == SchoolApplicationStatus.UnderReview))
            .Select(a => new { a.ChildPersonId, a.SchoolId, a.SchoolYear, a.Number })
            .ToListAsync())
            .ToDictionary(a => (a.ChildPersonId, a.SchoolId, a.SchoolYear), a => a.Number);

        var accepted = new List<PendingApplication>(batch.Count);
        var takenKeys = new HashSet<(int, string)>();
        var takenPlaces = new HashSet<(int, int, int)>();
        foreach (var p in batch)
        {
            var place = (p.Request.ChildId, p.Request.SchoolId, p.Request.SchoolYear);
            if (storedKeys.TryGetValue((p.AccountId, p.Key), out var key))
            {
                p.Done.TrySetResult(key.RequestHash == p.Hash
                    ? new SubmissionOutcome(SubmissionResult.Replayed, key.Response, key.ApplicationId, [])
                    : SubmissionOutcome.Conflict);
            }
            else if (active.TryGetValue(place, out var number))
            {
                p.Done.TrySetResult(SubmissionOutcome.Refused(EnrollmentSubmissions.Duplicate(number)));
            }
            else if (!takenKeys.Add((p.AccountId, p.Key)) || !takenPlaces.Add(place))
            {
                // Its twin is in this batch: after the commit the next batch answers it from what was stored.
                again.Add(p);
            }
            else
            {
                accepted.Add(p);
            }
        }

        return accepted;
    }

    /// <summary>One transaction: the numbers, the applications with their history and scans, the keys and the notifications.</summary>
    private static async Task InsertAsync(
        KabinetDbContext db, NotificationCentre notifications, TimeProvider time, List<PendingApplication> accepted, NotificationRecipients recipients)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var numbers = new Dictionary<(int CampaignId, SchoolApplicationKind Kind), int>();
        // Counters are locked in one order (campaign, kind), so two nodes writing the same campaigns cannot deadlock.
        foreach (var group in accepted.GroupBy(p => (p.CampaignId, p.Request.Kind)).OrderBy(g => g.Key.CampaignId).ThenBy(g => g.Key.Kind))
            numbers[group.Key] = await TakeNumbersAsync(db, transaction, group.Key.CampaignId, group.Key.Kind, group.Count()) - group.Count();

        var now = time.GetUtcNow().UtcDateTime;
        var applications = new List<SchoolApplication>(accepted.Count);
        foreach (var p in accepted)
        {
            var counter = (p.CampaignId, p.Request.Kind);
            var sequence = numbers[counter] += 1;
            var application = NewApplication(p, sequence, now);
            applications.Add(application);
            db.Add(application);
        }

        // The one-active-application and the key's unique indexes turn a twin stored meanwhile into a DbUpdateException here.
        await db.SaveChangesAsync();

        var receipts = new string[accepted.Count];
        var requests = new List<NotificationRequest>(accepted.Count);
        for (var i = 0; i < accepted.Count; i++)
        {
            var (p, application) = (accepted[i], applications[i]);
            receipts[i] = JsonSerializer.Serialize(new SubmissionReceipt(application.Id, application.Number, now, application.Status, application.Status.Title(), EnrollmentSubmissions.Link(application.Id)), EnrollmentSubmissions.Json);
            db.Add(new SubmissionKey { AccountId = p.AccountId, Key = p.Key, RequestHash = p.Hash, ApplicationId = application.Id, Response = receipts[i], CreatedAt = now });
            requests.Add(new NotificationRequest(p.AccountId, NotificationKinds.SchoolApplication, $"Заявление {application.Number} зарегистрировано",
                $"{p.Request.Kind.Title()}: заявление зарегистрировано {RegionTime.Display(now)} под номером {application.Number}. Школа рассмотрит его и сообщит о решении.",
                EnrollmentSubmissions.Link(application.Id)));
        }

        notifications.Post(recipients, requests);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        for (var i = 0; i < accepted.Count; i++)
            accepted[i].Done.TrySetResult(new SubmissionOutcome(SubmissionResult.Created, receipts[i], applications[i].Id, []));
    }

    private static SchoolApplication NewApplication(PendingApplication p, int sequence, DateTime now)
    {
        var request = p.Request;
        var application = new SchoolApplication
        {
            CampaignId = p.CampaignId,
            Kind = request.Kind,
            Sequence = sequence,
            Number = SchoolApplication.FormatNumber(request.Kind, request.SchoolYear, sequence),
            RegisteredAt = now,
            ChildPersonId = request.ChildId,
            ApplicantPersonId = p.PersonId,
            SubmittedByAccountId = p.AccountId,
            MunicipalityId = p.MunicipalityId,
            SchoolId = request.SchoolId,
            SchoolYear = request.SchoolYear,
            Grade = p.Grade,
            CurrentSchool = request.Kind == SchoolApplicationKind.Transfer ? request.CurrentSchool : null,
            CurrentGrade = request.Kind == SchoolApplicationKind.Transfer ? request.CurrentGrade : null,
            Right = request.Right,
            SiblingName = request.Right == AdmissionRight.Preferential ? request.SiblingName : null,
            Street = request.Street!,
            House = request.House!,
            OnTerritory = p.OnTerritory,
            AdaptedProgramme = request.AdaptedProgramme,
            Language = request.Language,
            NativeLanguage = request.NativeLanguage,
            ConsentPersonalData = true,
            ConsentCharter = true,
            Phone = p.Phone,
            Email = p.Email,
            BirthCertificateSeries = request.BirthCertificateSeries!,
            BirthCertificateNumber = request.BirthCertificateNumber!,
            BirthCertificateIssuedOn = request.BirthCertificateIssuedOn!.Value,
            StatusChangedAt = now,
        };
        application.History.Add(new SchoolApplicationChange { To = SchoolApplicationStatus.Registered, At = now, ByAccountId = p.AccountId, Comment = $"Заявление зарегистрировано под номером {application.Number}" });
        foreach (var d in p.Documents)
        {
            application.Documents.Add(new SchoolApplicationDocument
            {
                Kind = d.Kind, FileName = d.Name, ContentType = d.ContentType, Size = d.Size, Sha256 = d.Sha256, StorageKey = d.StorageKey, UploadedAt = now,
            });
        }

        return application;
    }

    /// <summary>
    /// Moves the counter of the campaign and kind by <paramref name="count"/> and returns its new value: the batch's
    /// numbers are the <paramref name="count"/> values up to it. The row stays locked to the end of the transaction,
    /// so a rollback gives the numbers back and they follow the commits.
    /// </summary>
    private static async Task<int> TakeNumbersAsync(KabinetDbContext db, IDbContextTransaction transaction, int campaignId, SchoolApplicationKind kind, int count)
    {
        var column = EnrollmentCampaign.CounterColumn(kind);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"UPDATE enrollment_campaigns SET {column} = {column} + @count WHERE id = @id RETURNING {column}";
        AddParameter(command, "@count", count);
        AddParameter(command, "@id", campaignId);
        var value = await command.ExecuteScalarAsync();
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
