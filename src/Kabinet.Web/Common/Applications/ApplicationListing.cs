namespace Kabinet.Web.Common.Applications;

/// <summary>One row of the «Заявления» list: any kind of application or complaint an account submitted.</summary>
/// <param name="TypeTitle">«Постановка в очередь в детский сад», «Зачисление в 1 класс», «Сертификат ПФДО», …</param>
/// <param name="ChildName">The child the application is for (null for the applicant's own).</param>
/// <param name="OrganisationName">The organisation, or the first-priority one.</param>
/// <param name="Number">The number the applicant sees («ДОУ-42-000017», «1К-2027-000123»).</param>
/// <param name="SubmittedAt">UTC.</param>
/// <param name="StatusTitle">The current status in Russian.</param>
/// <param name="Link">The application's own page (history and documents).</param>
/// <param name="IsFinished">Enrolled, refused, withdrawn or archived: shown after the active ones.</param>
public sealed record ApplicationListItem(
    string TypeTitle, string? ChildName, string? OrganisationName, string Number, DateTime SubmittedAt, string StatusTitle, string Link, bool IsFinished);

/// <summary>
/// A module that takes applications lists those of an account for «Заявления». Each module registers its own
/// (services.AddScoped&lt;IApplicationSource, …&gt;()); the list page asks them all.
/// </summary>
public interface IApplicationSource
{
    /// <summary>The applications the account submitted (or that concern a child of the person), newest first.</summary>
    Task<IReadOnlyList<ApplicationListItem>> OfAccountAsync(int accountId, int personId, CancellationToken ct);
}
