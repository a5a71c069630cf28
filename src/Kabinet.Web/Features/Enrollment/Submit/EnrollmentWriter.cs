using System.Data.Common;
using System.Globalization;
using System.Text;
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
/// The writer runs on a thread of its own and waits for the database synchronously: each of a batch's round trips then
/// resumes as soon as the database answers, instead of queueing behind the requests on the thread pool (under load that
/// queue made every round trip cost milliseconds, and the one writer is what bounds the node's throughput).
/// </summary>
public sealed class EnrollmentWriter(IServiceScopeFactory scopes, ILogger<EnrollmentWriter> logger) : IAsyncDisposable
{
    /// <summary>Applications stored by one transaction at most.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<PendingApplication> _queue = Channel.CreateUnbounded<PendingApplication>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _loop;

    /// <summary>Queues a checked application; the task ends when it is committed (Created) or answered otherwise.</summary>
    internal Task<SubmissionOutcome> WriteAsync(PendingApplication pending)
    {
        if (_loop is null)
        {
            lock (_start)
            {
                if (_loop is null)
                {
                    _loop = new Thread(Run) { IsBackground = true, Name = "Enrollment writer" };
                    _loop.Start();
                }
            }
        }

        if (!_queue.Writer.TryWrite(pending))
            pending.Done.TrySetResult(SubmissionOutcome.Down);
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
            await _stopped.Task;
    }

    private void Run()
    {
        try
        {
            var batch = new List<PendingApplication>(MaxBatch);
            var again = new List<PendingApplication>();
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                    batch.Add(pending);
                WriteOrAnswer(batch, again);
                batch.Clear();
                again.Clear();
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>Stores a batch; whatever happens, each of its applications is answered or queued again.</summary>
    private void WriteOrAnswer(List<PendingApplication> batch, List<PendingApplication> again)
    {
        try
        {
            WriteBatch(batch, again);
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
    }

    /// <summary>Stores a batch; what has to go again (a twin of an application in it, or all after a lost race) goes to <paramref name="again"/>.</summary>
    private void WriteBatch(List<PendingApplication> batch, List<PendingApplication> again)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var accepted = SortOut(db, batch, again);
        if (accepted.Count == 0)
            return;

        var notifications = scope.ServiceProvider.GetRequiredService<NotificationCentre>();
        var recipients = notifications.Recipients(accepted.Select(p => p.AccountId), [NotificationKinds.SchoolApplication]);
        try
        {
            Insert(db, notifications, scope.ServiceProvider.GetRequiredService<TimeProvider>(), accepted, recipients);
        }
        catch (Exception e) when (DbExceptions.IsUniqueViolation(e))
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
    private static List<PendingApplication> SortOut(KabinetDbContext db, List<PendingApplication> batch, List<PendingApplication> again)
    {
        // Each lookup probes its unique index with the exact pairs (triples) of the batch: a row-value IN list, which
        // both PostgreSQL and SQLite answer with one index probe per entry.
        var keyPairs = batch.Select(p => (p.AccountId, p.Key)).Distinct().ToList();
        var storedKeys = new Dictionary<(int, string), (string RequestHash, string Response, int ApplicationId)>();
        using (var command = Command(db, "SELECT account_id, key, request_hash, response, application_id FROM school_submission_keys WHERE (account_id, key) IN ", keyPairs.Count,
            i => [keyPairs[i].AccountId, keyPairs[i].Key]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                storedKeys[(reader.GetInt32(0), reader.GetString(1))] = (reader.GetString(2), reader.GetString(3), reader.GetInt32(4));
        }

        var places = batch.Select(p => (p.Request.ChildId, p.Request.SchoolId, p.Request.SchoolYear)).Distinct().ToList();
        var active = new Dictionary<(int, int, int), string>();
        using (var command = Command(db, "SELECT child_person_id, school_id, school_year, number FROM school_applications " +
            "WHERE status IN ('Registered', 'UnderReview') AND (child_person_id, school_id, school_year) IN ", places.Count,
            i => [places[i].ChildId, places[i].SchoolId, places[i].SchoolYear]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                active[(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2))] = reader.GetString(3);
        }

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
    private static void Insert(
        KabinetDbContext db, NotificationCentre notifications, TimeProvider time, List<PendingApplication> accepted, NotificationRecipients recipients)
    {
        db.ChangeTracker.Clear();
        using var transaction = db.Database.BeginTransaction();
        var (numbers, ids) = TakeNumbers(db, accepted);
        var now = time.GetUtcNow().UtcDateTime;
        var applications = new List<SchoolApplication>(accepted.Count);
        foreach (var p in accepted)
        {
            var counter = (p.CampaignId, p.Request.Kind);
            var sequence = numbers[counter] += 1;
            var application = NewApplication(p, sequence, now);
            application.Id = ids[applications.Count];
            applications.Add(application);
            db.Add(application);
        }

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

        // One statement per table; the one-active-application and the key's unique indexes turn a twin stored meanwhile
        // into a unique violation, and the transaction rolls back.
        new BulkInserter(db).InsertAdded();
        transaction.Commit();
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
    /// Moves the counter of each campaign and kind in the batch by its number of applications, in one round trip; the
    /// batch's numbers of a counter are the values after the returned one. The rows stay locked to the end of the
    /// transaction, so a rollback gives the numbers back and they follow the commits; they are locked in one order
    /// (campaign, kind), so two nodes writing the same campaigns cannot deadlock. The applications' ids are taken in the
    /// same round trip, so the whole batch is then inserted with one statement per table.
    /// </summary>
    private static (Dictionary<(int CampaignId, SchoolApplicationKind Kind), int> Numbers, List<int> Ids) TakeNumbers(KabinetDbContext db, List<PendingApplication> accepted)
    {
        var counters = accepted.GroupBy(p => (p.CampaignId, p.Request.Kind)).Select(g => (g.Key, Count: g.Count()))
            .OrderBy(c => c.Key.CampaignId).ThenBy(c => c.Key.Kind).ToList();
        var text = new StringBuilder();
        using var command = Command(db, "");
        for (var i = 0; i < counters.Count; i++)
        {
            var column = EnrollmentCampaign.CounterColumn(counters[i].Key.Kind);
            text.Append(CultureInfo.InvariantCulture, $"UPDATE enrollment_campaigns SET {column} = {column} + @c{i} WHERE id = @id{i} RETURNING {column};\n");
            AddParameter(command, $"@c{i}", counters[i].Count);
            AddParameter(command, $"@id{i}", counters[i].Key.CampaignId);
        }

        // The applications' ids are taken here too, so that their history, scans and keys can refer to them in the same
        // bulk insert. PostgreSQL hands them out from the sequence; SQLite, whose write lock this transaction holds since
        // the first UPDATE, continues after the largest id ever given (AUTOINCREMENT's own rule).
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            text.Append("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'school_applications'), 0), " +
                "coalesce((SELECT max(id) FROM school_applications), 0));");
        }
        else
        {
            text.Append("SELECT nextval(pg_get_serial_sequence('school_applications', 'id'))::int FROM generate_series(1, @n);");
            AddParameter(command, "@n", accepted.Count);
        }

        command.CommandText = text.ToString();
        var numbers = new Dictionary<(int, SchoolApplicationKind), int>(counters.Count);
        using var reader = command.ExecuteReader();
        foreach (var (key, count) in counters)
        {
            if (!reader.Read())
                throw new InvalidOperationException($"Enrollment campaign {key.CampaignId} was not found to number its applications.");
            numbers[key] = reader.GetInt32(0) - count;
            reader.NextResult();
        }

        var ids = new List<int>(accepted.Count);
        while (reader.Read())
            ids.Add(reader.GetInt32(0));
        if (sqlite)
            ids = [.. Enumerable.Range(ids[0] + 1, accepted.Count)];
        return (numbers, ids);
    }

    /// <summary>A command on the context's connection, in its transaction if there is one.</summary>
    private static DbCommand Command(KabinetDbContext db, string text)
    {
        db.Database.OpenConnection();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        return command;
    }

    /// <summary>A query ending in a row-value list, <c>(VALUES (@p0, @p1), (@p2, @p3) …)</c>, of <paramref name="rows"/> rows.</summary>
    private static DbCommand Command(KabinetDbContext db, string head, int rows, Func<int, object[]> row)
    {
        var text = new StringBuilder(head).Append("(VALUES ");
        var command = Command(db, "");
        var n = 0;
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "(" : ", (");
            var values = row(i);
            for (var v = 0; v < values.Length; v++)
            {
                var name = "@p" + n++.ToString(CultureInfo.InvariantCulture);
                text.Append(v == 0 ? name : ", " + name);
                AddParameter(command, name, values[v]);
            }

            text.Append(')');
        }

        command.CommandText = text.Append(')').ToString();
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
