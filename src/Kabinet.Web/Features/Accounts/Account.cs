using Microsoft.AspNetCore.Identity;

namespace Kabinet.Web.Features.Accounts;

/// <summary>A sign-in account. Every account belongs to a person; external logins (Госуслуги, VK ID) link to it.</summary>
public sealed class Account : IdentityUser<int>
{
    /// <summary>The person (Families module), stored by id.</summary>
    public int PersonId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Accounts created with a generated password (registration, issued by an organisation) must set their own at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The generated password was e-mailed (registration), so using it confirms the address; a printed one does not.</summary>
    public bool TemporaryPasswordByEmail { get; set; }

    /// <summary>A generated password stops working after this moment; the person then recovers access.</summary>
    public DateTime? TemporaryPasswordExpiresAt { get; set; }

    public bool TemporaryPasswordExpired(DateTime now) => MustChangePassword && TemporaryPasswordExpiresAt is { } expires && now > expires;
}
