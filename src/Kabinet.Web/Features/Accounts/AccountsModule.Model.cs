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
            e.HasIndex(a => a.NormalizedEmail);
            e.HasIndex(a => a.PhoneNumber);
        });
        model.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<int>>().ToTable("account_claims");
        model.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<int>>().ToTable("account_external_logins");
        model.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<int>>().ToTable("account_tokens");

        model.Entity<ConsentRecord>(e =>
        {
            e.ToTable("consent_records");
            e.Property(c => c.Kind).HasMaxLength(50);
            e.Property(c => c.TextVersion).HasMaxLength(50);
            e.Property(c => c.IpAddress).HasMaxLength(64);
            e.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.AccountId);
        });

        model.Entity<Sessions.AccountSession>(e =>
        {
            e.ToTable("account_sessions");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(400);
            e.Property(x => x.Method).HasMaxLength(20);
            e.Property(x => x.EndReason).HasMaxLength(40);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.AccountId, x.EndedAt });
        });

        model.Entity<Sessions.SignInEvent>(e =>
        {
            e.ToTable("sign_in_events");
            e.Property(x => x.LoginKey).HasMaxLength(256);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(400);
            e.Property(x => x.Method).HasMaxLength(20);
            e.Property(x => x.Failure).HasMaxLength(40);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.LoginKey, x.At });
            e.HasIndex(x => new { x.IpAddress, x.At });
            e.HasIndex(x => new { x.AccountId, x.At });
        });

        model.Entity<Recovery.PasswordResetToken>(e =>
        {
            e.ToTable("password_reset_tokens");
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.AccountId);
        });

        model.Entity<Recovery.RecoveryRequest>(e =>
        {
            e.ToTable("recovery_requests");
            e.Property(x => x.LoginKey).HasMaxLength(256);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.AccountId, x.At });
        });

        model.Entity<Roles.RoleRequest>(e =>
        {
            e.ToTable("role_requests");
            e.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Text).HasMaxLength(2000);
            e.Property(r => r.Comment).HasMaxLength(1000);
            e.Property(r => r.DecidedAt).IsConcurrencyToken();
            e.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.Status, r.Role });
            e.HasIndex(r => r.AccountId);
        });

        model.Entity<Profile.ContactChange>(e =>
        {
            e.ToTable("contact_changes");
            e.Property(c => c.NewValue).HasMaxLength(254);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(8);
            e.Property(c => c.CodeHash).HasMaxLength(64);
            e.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.AccountId, c.CreatedAt });
        });

        model.Entity<Issuing.IssuedList>(e =>
        {
            e.ToTable("issued_lists");
            e.Property(l => l.Sha256).HasMaxLength(64);
            e.Property(l => l.FileName).HasMaxLength(255);
            e.HasOne<Account>().WithMany().HasForeignKey(l => l.IssuedByAccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.OrganisationId, l.Sha256 }).IsUnique();
        });

        model.Entity<RoleGrant>(e =>
        {
            e.ToTable("role_grants");
            e.Property(g => g.Role).HasConversion<string>().HasMaxLength(32);
            e.HasOne<Account>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(g => g.AccountId);
        });
    }
}
