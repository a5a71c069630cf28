using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Messages;

/// <summary>Messages between families and schools: threads about a student, replies, read status, attachments, class messages.</summary>
internal static class MessagesModule
{
    public static void AddMessages(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SchoolCommunity>();
        builder.Services.AddScoped<MessageInbox>();
        builder.Services.AddScoped<MessagePost>();
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<MessageThread>(e =>
        {
            e.ToTable("message_threads");
            e.Property(t => t.Subject).HasMaxLength(MessageThread.MaxSubjectLength);
            e.HasOne<MessageBroadcast>().WithMany().HasForeignKey(t => t.BroadcastId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => t.BroadcastId);
            e.HasIndex(t => new { t.OrganisationId, t.LastMessageAt });
        });

        model.Entity<ThreadParticipant>(e =>
        {
            e.ToTable("message_participants");
            e.HasKey(p => new { p.ThreadId, p.PersonId });
            e.Property(p => p.Side).HasConversion<string>().HasMaxLength(16);
            e.HasOne<MessageThread>().WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
            // A person's inbox, newest first, and the unread counter.
            e.HasIndex(p => new { p.PersonId, p.InBroadcast });
        });

        model.Entity<Message>(e =>
        {
            e.ToTable("messages");
            e.Property(m => m.Text).HasMaxLength(Message.MaxTextLength);
            e.HasOne<MessageThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => new { m.ThreadId, m.SentAt });
        });

        model.Entity<MessageAttachment>(e =>
        {
            e.ToTable("message_attachments");
            e.Property(a => a.FileName).HasMaxLength(Common.Files.FileNames.MaxLength + 10);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.StorageKey).HasMaxLength(64);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasOne<Message>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MessageThread>().WithMany().HasForeignKey(a => a.ThreadId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.MessageId);
            e.HasIndex(a => a.ThreadId);
        });

        model.Entity<MessageBroadcast>(e =>
        {
            e.ToTable("message_broadcasts");
            e.Property(b => b.Subject).HasMaxLength(MessageThread.MaxSubjectLength);
            e.Property(b => b.ClassName).HasMaxLength(50);
            e.HasIndex(b => new { b.SenderPersonId, b.LastMessageAt });
        });
    }
}
