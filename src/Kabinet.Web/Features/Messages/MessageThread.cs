namespace Kabinet.Web.Features.Messages;

/// <summary>
/// A conversation between a family and a school about one student: its subject, the people in it and when it was
/// last written to. A class message («рассылка») makes one thread per family, tied together by <see cref="BroadcastId"/>.
/// </summary>
public sealed class MessageThread
{
    public const int MaxSubjectLength = 150;

    public int Id { get; set; }

    public int OrganisationId { get; init; }

    /// <summary>The student the conversation is about (a person of the Families module).</summary>
    public int StudentPersonId { get; init; }

    public int? BroadcastId { get; init; }

    public required string Subject { get; init; }

    public int StartedByPersonId { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime LastMessageAt { get; set; }
}

/// <summary>Which side of the conversation a person is on: the family, or the school's staff.</summary>
public enum ThreadSide
{
    Family,
    School,
}

/// <summary>A person in a thread, with the moment they last read it: nobody else can open the thread.</summary>
public sealed class ThreadParticipant
{
    public int ThreadId { get; init; }

    public int PersonId { get; init; }

    public ThreadSide Side { get; init; }

    /// <summary>The sender of a class message: their threads of it show as one «рассылка» in their inbox.</summary>
    public bool InBroadcast { get; init; }

    public DateTime? LastReadAt { get; private set; }

    public bool HasUnread(DateTime lastMessageAt) => LastReadAt is not { } read || lastMessageAt > read;

    public void MarkRead(DateTime now)
    {
        if (LastReadAt is not { } read || now > read)
            LastReadAt = now;
    }
}

/// <summary>One message of a thread: plain text, line breaks kept.</summary>
public sealed class Message
{
    public const int MaxTextLength = 5000;

    public long Id { get; set; }

    public int ThreadId { get; init; }

    public int AuthorPersonId { get; init; }

    public required string Text { get; init; }

    public DateTime SentAt { get; init; }
}

/// <summary>A file attached to a message; the file lives in the file store under a random key.</summary>
public sealed class MessageAttachment
{
    public long Id { get; set; }

    public long MessageId { get; init; }

    public int ThreadId { get; init; }

    /// <summary>The original name, cleaned for display and for the download's name; never part of a path.</summary>
    public string FileName { get; init; } = "";

    /// <summary>The type found in the content, not the one the browser claimed.</summary>
    public string ContentType { get; init; } = "";

    public long Size { get; init; }

    public string Sha256 { get; init; } = "";

    public string StorageKey { get; init; } = "";
}

/// <summary>A teacher's message to all parents of a class: it made one private thread per family.</summary>
public sealed class MessageBroadcast
{
    public int Id { get; set; }

    public int OrganisationId { get; init; }

    public int ClassGroupId { get; init; }

    public string ClassName { get; init; } = "";

    public int SenderPersonId { get; init; }

    public required string Subject { get; init; }

    public DateTime SentAt { get; init; }

    /// <summary>When any family last wrote in it, or it was sent: the inbox orders by it.</summary>
    public DateTime LastMessageAt { get; set; }
}
