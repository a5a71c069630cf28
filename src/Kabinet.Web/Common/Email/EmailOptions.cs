using MailKit.Security;

namespace Kabinet.Web.Common.Email;

/// <summary>
/// Email:Smtp:Host set → letters go to that SMTP server; not set → each letter is written as an .eml file
/// to &lt;Kabinet:DataDirectory&gt;/mail (the development default, listed at /dev/mail).
/// </summary>
public sealed class EmailOptions
{
    public string From { get; set; } = "Kabinet <noreply@kabinet.example>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The folder for .eml files when there is no SMTP server.</summary>
    public string PickupDirectory { get; set; } = "";

    /// <summary>Send from a background loop on every node (tests may switch it off and send explicitly).</summary>
    public bool DispatchInBackground { get; set; } = true;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}
