using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Messages.Thread;

/// <summary>
/// One conversation, open only to its participants (anyone else: «not found»): the messages in order with their files,
/// «прочитано» under one's own messages once the other side has read them, and the reply form. Opening it marks it read.
/// </summary>
[Authorize]
[RequestSizeLimit(AttachmentRules.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaxRequestBytes)]
[OversizedUpload(AttachmentRules.MaxRequestBytes, AttachmentRules.TooLargeRequest, "files")]
public sealed class ThreadModel(KabinetDbContext db, MessagePost post, MessageInbox inbox, FamilyDirectory families, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    public sealed record Shown(Message Message, string Author, bool Mine, bool IsNew, bool ReadByOthers, IReadOnlyList<MessageAttachment> Files);

    public MessageThread Thread { get; private set; } = null!;

    public ThreadParticipant Me { get; private set; } = null!;

    public string With { get; private set; } = "";

    public string StudentName { get; private set; } = "";

    public string OrganisationName { get; private set; } = "";

    public IReadOnlyList<Shown> Messages { get; private set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int threadId, CancellationToken ct)
    {
        if (!await LoadAsync(threadId, ct))
            return NotFound();
        if (TempData[OversizedUploadAttribute.ProblemKey] is string problem)
            ModelState.AddModelError(MessagePost.FilesField, problem);
        var readBefore = Me.LastReadAt;
        // Reading again what was already read changes nothing: «прочитано» only needs the moment after the last message.
        if (Me.HasUnread(Thread.LastMessageAt))
        {
            Me.MarkRead(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            inbox.ForgetUnread([Me.PersonId]);
        }

        await ShowAsync(readBefore, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int threadId, CancellationToken ct)
    {
        if (!await LoadAsync(threadId, ct))
            return NotFound();
        var outcome = await post.ReplyAsync(Thread, Me, KabinetClaims.FullNameOf(User) ?? "", Text, [.. Request.Form.Files], ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Field!, outcome.Problem!);
            await ShowAsync(Me.LastReadAt, ct);
            return Page();
        }

        TempData["Status"] = "Ответ отправлен.";
        return Redirect($"/messages/{threadId}#last");
    }

    private async Task<bool> LoadAsync(int threadId, CancellationToken ct)
    {
        var me = KabinetClaims.PersonIdOf(User);
        var found = await db.ThreadParticipants.Where(p => p.ThreadId == threadId && p.PersonId == me)
            .Join(db.MessageThreads, p => p.ThreadId, t => t.Id, (p, t) => new { Participant = p, Thread = t })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return false;
        (Me, Thread) = (found.Participant, found.Thread);
        return true;
    }

    private async Task ShowAsync(DateTime? readBefore, CancellationToken ct)
    {
        var people = await db.ThreadParticipants.AsNoTracking().Where(p => p.ThreadId == Thread.Id).ToListAsync(ct);
        var messages = await db.Messages.AsNoTracking().Where(m => m.ThreadId == Thread.Id).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync(ct);
        var files = (await db.MessageAttachments.AsNoTracking().Where(a => a.ThreadId == Thread.Id).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.MessageId);
        var names = await families.NamesAsync(people.Select(p => p.PersonId).Concat(messages.Select(m => m.AuthorPersonId)).Append(Thread.StudentPersonId), ct);
        var others = people.Where(p => p.Side != Me.Side).ToList();
        // The other side has read a message when any of them opened the thread after it was written.
        var othersRead = others.Select(p => p.LastReadAt).Max();
        With = MessageNames.People(others.Select(p => p.PersonId), names);
        StudentName = names.GetValueOrDefault(Thread.StudentPersonId, "");
        OrganisationName = (await institutions.NamesAsync([Thread.OrganisationId], [], ct)).Organisations.GetValueOrDefault(Thread.OrganisationId, "");
        Messages = [.. messages.Select(m => new Shown(m, names.GetValueOrDefault(m.AuthorPersonId, ""), m.AuthorPersonId == Me.PersonId,
            m.AuthorPersonId != Me.PersonId && (readBefore is null || m.SentAt > readBefore), othersRead >= m.SentAt, [.. files[m.Id]]))];
    }
}
