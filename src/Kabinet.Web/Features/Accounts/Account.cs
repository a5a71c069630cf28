using Microsoft.AspNetCore.Identity;

namespace Kabinet.Web.Features.Accounts;

/// <summary>A sign-in account. Every account belongs to a person; external logins (Госуслуги, VK ID) link to it.</summary>
public sealed class Account : IdentityUser<int>
{
    /// <summary>The person (Families module), stored by id.</summary>
    public int PersonId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Accounts issued by an organisation get a one-time password and must set their own at first sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
