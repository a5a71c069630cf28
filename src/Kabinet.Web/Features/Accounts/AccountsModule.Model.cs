using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts;

internal static partial class AccountsModule
{
    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasIndex(a => a.PersonId);
        });
        model.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<int>>().ToTable("account_claims");
        model.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<int>>().ToTable("account_external_logins");
        model.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<int>>().ToTable("account_tokens");

        model.Entity<RoleGrant>(e =>
        {
            e.ToTable("role_grants");
            e.Property(g => g.Role).HasConversion<string>().HasMaxLength(32);
            e.HasOne<Account>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(g => g.AccountId);
        });
    }
}
