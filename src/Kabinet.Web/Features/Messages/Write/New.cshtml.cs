using Kabinet.Web.Common.Files;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Messages.Write;

/// <summary>
/// A new message. A family member chooses the child (when there are several), then a teacher of the child's class
/// or the school's administration; a teacher chooses the class, then a student, a parent or all parents of it. The
/// list is built on the server and every post checks the recipient against it again: nobody writes outside their
/// school community.
/// </summary>
[Authorize]
[RequestSizeLimit(AttachmentRules.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaxRequestBytes)]
[OversizedUpload(AttachmentRules.MaxRequestBytes, AttachmentRules.TooLargeRequest, "files")]
public sealed class NewModel(SchoolCommunity community, MessagePost post) : PageModel
{
    public IReadOnlyList<Pupil> Pupils { get; private set; } = [];

    public IReadOnlyList<TaughtClass> Classes { get; private set; } = [];

    public Pupil? Pupil { get; private set; }

    public TaughtClass? Taught { get; private set; }

    public IReadOnlyList<Addressee> Addressees { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "student")]
    public int? StudentId { get; set; }

    [BindProperty(SupportsGet = true, Name = "class")]
    public int? ClassId { get; set; }

    [BindProperty]
    public string? Recipient { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public bool Chosen => Pupil is not null || Taught is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (TempData[OversizedUploadAttribute.ProblemKey] is string problem)
            ModelState.AddModelError(MessagePost.FilesField, problem);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Chosen)
            return NotFound();
        if (Addressees.FirstOrDefault(a => a.Key == Recipient) is not { } addressee)
        {
            ModelState.AddModelError(MessagePost.RecipientField, Pupil is not null
                ? "Выберите адресата из списка: написать можно учителям класса и администрации школы."
                : "Выберите адресата из списка: написать можно ученикам и родителям этого класса.");
            return Page();
        }

        var me = KabinetClaims.PersonIdOf(User);
        var outcome = await post.StartAsync(me, KabinetClaims.FullNameOf(User) ?? "", Pupil is not null ? ThreadSide.Family : ThreadSide.School,
            Pupil?.OrganisationId ?? Taught!.OrganisationId, addressee, Taught, Subject, Text, [.. Request.Form.Files], ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Field!, outcome.Problem!);
            return Page();
        }

        if (outcome.BroadcastId is { } broadcastId)
        {
            TempData["Status"] = $"Сообщение отправлено семьям: {addressee.Conversations.Count}. У каждой семьи — своя переписка с вами.";
            return Redirect($"/messages/broadcasts/{broadcastId}");
        }

        TempData["Status"] = "Сообщение отправлено.";
        return Redirect($"/messages/{outcome.ThreadId}");
    }

    /// <summary>What the person may write about; false when the chosen child or class is not theirs.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = KabinetClaims.PersonIdOf(User);
        Pupils = await community.PupilsOfAsync(me, ct);
        Classes = await community.ClassesOfAsync(User, ct);
        if (StudentId is null && ClassId is null && Pupils.Count + Classes.Count == 1)
        {
            StudentId = Pupils.Count > 0 ? Pupils[0].PersonId : null;
            ClassId = Classes.Count > 0 ? Classes[0].Class.Id : null;
        }

        if (StudentId is { } studentId)
        {
            if ((Pupil = Pupils.FirstOrDefault(p => p.PersonId == studentId)) is null)
                return false;
            Addressees = await community.AddresseesForAsync(Pupil, me, ct);
        }
        else if (ClassId is { } classId)
        {
            if ((Taught = Classes.FirstOrDefault(c => c.Class.Id == classId)) is null)
                return false;
            Addressees = await community.AddresseesForAsync(Taught, me, ct);
        }

        return true;
    }
}
