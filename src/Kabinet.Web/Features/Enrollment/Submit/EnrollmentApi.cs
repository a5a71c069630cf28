using System.Globalization;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment.Submit;

/// <summary>The birth certificate as the API sends it.</summary>
public sealed record BirthCertificateDto(string? Series, string? Number, DateOnly? IssuedOn);

/// <summary>
/// The API body of a school application. Cases that need a scan (a right, the sibling right, an adapted programme,
/// the 10th grade, an age exception) are refused with an `errors` entry pointing to the form on the site.
/// </summary>
public sealed record SchoolApplicationDto(
    SchoolApplicationKind Kind, int ChildId, int SchoolId, int SchoolYear, int? Grade, AdmissionRight Right, string? SiblingName,
    string? Street, string? House, bool AdaptedProgramme, string? Language, string? Phone, string? Email,
    BirthCertificateDto? BirthCertificate, bool ConsentPersonalData, bool ConsentCharter,
    string? CurrentSchool = null, int? CurrentGrade = null, string? NativeLanguage = null, int? MunicipalityId = null)
{
    public SchoolApplicationRequest ToRequest() => new()
    {
        Kind = Kind, ChildId = ChildId, MunicipalityId = MunicipalityId, SchoolId = SchoolId, SchoolYear = SchoolYear, Grade = Grade,
        CurrentSchool = CurrentSchool, CurrentGrade = CurrentGrade, Right = Right, SiblingName = SiblingName, Street = Street, House = House,
        AdaptedProgramme = AdaptedProgramme, Language = Language, NativeLanguage = NativeLanguage, Phone = Phone, Email = Email,
        BirthCertificateSeries = BirthCertificate?.Series, BirthCertificateNumber = BirthCertificate?.Number, BirthCertificateIssuedOn = BirthCertificate?.IssuedOn,
        ConsentPersonalData = ConsentPersonalData, ConsentCharter = ConsentCharter,
    };
}

/// <summary>One of the parent's school applications, as the API shows it.</summary>
public sealed record SchoolApplicationView(
    int Id, string Number, SchoolApplicationKind Kind, DateTime RegisteredAt, int ChildId, int SchoolId, int SchoolYear, int Grade,
    SchoolApplicationStatus Status, string StatusTitle, bool OnTerritory, string? OrderNumber, DateOnly? OrderDate, string? RefusalReason, string Link);

/// <summary>/api/v1/school/applications: the parent's submissions with an idempotency key, and their applications.</summary>
internal static class EnrollmentApi
{
    public const string KeyHeader = "Idempotency-Key";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/school").WithTags("Запись в школу").RequireAuthorization();
        api.MapPost("applications", SubmitAsync)
            .WithSummary("Подать заявление в школу (1 класс, перевод, 10 класс)")
            .WithDescription("Заголовок Idempotency-Key (1–255 символов) обязателен: повтор с тем же ключом и теми же данными возвращает то же заявление и тот же ответ. При перегрузке — 503 или 429 с Retry-After: заявление НЕ зарегистрировано, повторите запрос с тем же ключом.")
            .Produces<SubmissionReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("applications", MineAsync).WithSummary("Мои заявления в школу");
        api.MapGet("applications/{id:int}", OneAsync).WithSummary("Заявление в школу");
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, EnrollmentSubmissions submissions, AdmissionGate gate, CancellationToken ct)
    {
        var key = http.Request.Headers[KeyHeader].ToString();
        if (key.Length is 0 or > EnrollmentSubmissions.MaxKeyLength)
        {
            return TypedResults.Problem(statusCode: 400, title: "Запрос составлен неверно",
                detail: "Нужен заголовок Idempotency-Key длиной от 1 до 255 символов (например, UUID): с ним повтор запроса не создаст второе заявление.");
        }

        var accountId = KabinetClaims.AccountIdOf(http.User);
        var (slot, refusal) = await gate.EnterAsync(accountId, ct);
        if (refusal is not null)
            return Overloaded(http, refusal);
        using (slot)
        {
            SchoolApplicationDto? body;
            try
            {
                body = await http.Request.ReadFromJsonAsync<SchoolApplicationDto>(ct);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
            {
                return TypedResults.Problem(statusCode: 400, title: "Запрос составлен неверно", detail: "Тело запроса — JSON заявления (см. /docs/api).");
            }

            if (body is null)
                return TypedResults.Problem(statusCode: 400, title: "Запрос составлен неверно", detail: "Тело запроса — JSON заявления (см. /docs/api).");

            var outcome = await submissions.SubmitAsync(accountId, KabinetClaims.PersonIdOf(http.User), key, body.ToRequest(), [], ct);
            switch (outcome.Result)
            {
                case SubmissionResult.Created or SubmissionResult.Replayed:
                    http.Response.Headers.Location = EnrollmentSubmissions.Link(outcome.ApplicationId!.Value).Replace("/enrollment/applications/", "/api/v1/school/applications/", StringComparison.Ordinal);
                    return Results.Text(outcome.ReceiptJson, "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
                case SubmissionResult.NotFound:
                    return TypedResults.Problem(statusCode: 404, title: "Не найдено", detail: "Такого ребёнка нет среди ваших детей.");
                case SubmissionResult.KeyConflict:
                    return TypedResults.Problem(statusCode: 409, title: "Действие нарушает правила", detail: EnrollmentSubmissions.KeyReused);
                case SubmissionResult.Unavailable:
                    return Overloaded(http, new GateRefusal(StatusCodes.Status503ServiceUnavailable, gate.RetryAfterSeconds));
                default:
                    var errors = outcome.Problems.GroupBy(p => ApiField(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => FormOnly(p)).ToArray());
                    return TypedResults.ValidationProblem(errors, title: "Заявление не принято", detail: "Исправьте ошибки и отправьте заявление снова.",
                        extensions: null);
            }
        }
    }

    /// <summary>A missing scan cannot be sent as JSON: the message says where to send it.</summary>
    private static string FormOnly(FieldProblem problem) =>
        Enum.TryParse<SchoolDocumentKind>(problem.Field, out _) && problem.Message.StartsWith("Приложите", StringComparison.Ordinal)
            ? problem.Message + " Заявление со сканами подаётся через форму на сайте: /enrollment."
            : problem.Message;

    private static string ApiField(string field) => field switch
    {
        "BirthCertificateSeries" => "birthCertificate.series",
        "BirthCertificateNumber" => "birthCertificate.number",
        "BirthCertificateIssuedOn" => "birthCertificate.issuedOn",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };

    private static ProblemHttpResult Overloaded(HttpContext http, GateRefusal refusal)
    {
        http.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: refusal.Status,
            title: refusal.Status == 429 ? "Слишком много запросов" : "Сервис временно перегружен",
            detail: $"Заявление НЕ зарегистрировано. Повторите запрос с тем же Idempotency-Key через {refusal.RetryAfterSeconds} с.");
    }

    private static IQueryable<SchoolApplicationView> Views(IQueryable<SchoolApplication> query) => query
        .OrderByDescending(a => a.RegisteredAt)
        .Select(a => new SchoolApplicationView(a.Id, a.Number, a.Kind, a.RegisteredAt, a.ChildPersonId, a.SchoolId, a.SchoolYear, a.Grade,
            a.Status, "", a.OnTerritory, a.OrderNumber, a.OrderDate, a.RefusalReason, "/enrollment/applications/" + a.Id));

    private static async Task<Ok<List<SchoolApplicationView>>> MineAsync(HttpContext http, Data.KabinetDbContext db, CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(http.User);
        var list = await Views(db.Set<SchoolApplication>().AsNoTracking().Where(a => a.SubmittedByAccountId == accountId)).ToListAsync(ct);
        return TypedResults.Ok(list.ConvertAll(v => v with { StatusTitle = v.Status.Title() }));
    }

    private static async Task<Results<Ok<SchoolApplicationView>, NotFound>> OneAsync(int id, HttpContext http, Data.KabinetDbContext db, CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(http.User);
        var view = await Views(db.Set<SchoolApplication>().AsNoTracking().Where(a => a.Id == id && a.SubmittedByAccountId == accountId)).FirstOrDefaultAsync(ct);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(view with { StatusTitle = view.Status.Title() });
    }
}
