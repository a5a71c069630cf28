using System.Security.Claims;
using Kabinet.Web.Common.Errors;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Features.Accounts;

internal static partial class AccountsModule
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<Registration.RegisterAccount>();
        services.AddScoped<Sessions.AccountSessions>();
        services.AddScoped<Recovery.RequestRecovery>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<Issuing.IssueAccounts>();
        services.AddScoped<Sessions.SignInThrottle>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                // Failed sign-ins are throttled per login and per address by SignInThrottle, not by locking accounts.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<KabinetDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddErrorDescriber<RussianIdentityErrors>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        // A changed password reaches every node within a minute; an ended session at once (AccountSessions.ValidateAsync).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = Sessions.AccountSessions.KeepSessionClaims;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kabinet.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            // The session row decides idle and absolute timeouts; the cookie only has to outlive it.
            o.ExpireTimeSpan = Sessions.AccountSession.RememberedLifetime;
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = Sessions.AccountSessions.ValidateAsync;
            o.Events.OnRedirectToLogin = c => AnswerApiOr(c.HttpContext, StatusCodes.Status401Unauthorized, () => c.Response.Redirect(c.RedirectUri));
            o.Events.OnRedirectToAccessDenied = c => AnswerApiOr(c.HttpContext, StatusCodes.Status403Forbidden, () => c.Response.Redirect(c.RedirectUri));
        });

        // Everything needs sign-in unless it says [AllowAnonymous] / .AllowAnonymous() on purpose.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(KabinetPolicies.RegionalAdmin, p => p.RequireRole(nameof(PortalRole.RegionalAdmin)));
    }

    /// <summary>
    /// Someone signed in with a generated password may only set their own: every other page sends them to the
    /// password form (the API answers 403) until they have.
    /// </summary>
    public static void UseAccounts(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.User.HasClaim(c => c.Type == KabinetClaims.MustChangePassword) && !AllowedBeforePasswordChange(http.Request.Path))
        {
            if (http.Request.IsApiRequest())
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status403Forbidden, "Сначала смените временный пароль.");
                return;
            }

            http.Response.Redirect("/account/password");
            return;
        }

        await next(http);
    });

    private static bool AllowedBeforePasswordChange(PathString path) =>
        path.StartsWithSegments("/account/password") || path.StartsWithSegments("/account/logout")
        || path.StartsWithSegments("/error") || path.StartsWithSegments("/css") || path.StartsWithSegments("/img")
        || path.StartsWithSegments("/js") || path.StartsWithSegments("/health") || path.StartsWithSegments("/consent");

    private static Task AnswerApiOr(HttpContext http, int status, Action redirect)
    {
        if (http.Request.IsApiRequest())
        {
            http.Response.StatusCode = status;
            return ErrorHandling.WriteProblemAsync(http, status, null);
        }

        redirect();
        return Task.CompletedTask;
    }

    /// <summary>Puts the person's name and the account's active roles into the sign-in cookie.</summary>
    private sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options, KabinetDbContext db, FamilyDirectory families)
        : UserClaimsPrincipalFactory<Account>(users, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account account)
        {
            var identity = await base.GenerateClaimsAsync(account);
            var person = await families.FindPersonAsync(account.PersonId, CancellationToken.None);
            if (person is not null)
            {
                identity.AddClaim(new Claim(KabinetClaims.PersonId, person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                identity.AddClaim(new Claim(KabinetClaims.FullName, person.FullName));
            }

            if (account.MustChangePassword)
                identity.AddClaim(new Claim(KabinetClaims.MustChangePassword, "true"));

            var grants = await db.RoleGrants.AsNoTracking()
                .Where(g => g.AccountId == account.Id && g.RevokedAt == null)
                .ToListAsync();
            foreach (var grant in grants)
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, grant.Role.ToString()));
                identity.AddClaim(new Claim(KabinetClaims.Grant, KabinetClaims.FormatGrant(grant)));
            }

            return identity;
        }
    }
}

/// <summary>Authorization policies other modules put on their pages.</summary>
public static class KabinetPolicies
{
    public const string RegionalAdmin = "regional-admin";
}

/// <summary>Claim types Kabinet puts into the sign-in cookie.</summary>
public static class KabinetClaims
{
    public const string PersonId = "kabinet:person";
    public const string FullName = "kabinet:name";

    /// <summary>The server-side session this cookie belongs to.</summary>
    public const string Session = "kabinet:session";

    /// <summary>Present while the account still has its generated password.</summary>
    public const string MustChangePassword = "kabinet:must-change-password";

    /// <summary>"Teacher@org:12", "MunicipalOperator@mun:3", "RegionalAdmin".</summary>
    public const string Grant = "kabinet:grant";

    public static string FormatGrant(RoleGrant grant) => grant switch
    {
        { OrganisationId: { } org } => $"{grant.Role}@org:{org}",
        { MunicipalityId: { } mun } => $"{grant.Role}@mun:{mun}",
        _ => grant.Role.ToString(),
    };

    public static string? FullNameOf(ClaimsPrincipal user) => user.FindFirstValue(FullName) ?? user.Identity?.Name;

    public static int AccountIdOf(ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."), System.Globalization.CultureInfo.InvariantCulture);

    public static int PersonIdOf(ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(PersonId) ?? throw new InvalidOperationException("Not signed in."), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The municipalities where the person holds the role («MunicipalOperator@mun:3» → 3).</summary>
    public static IReadOnlySet<int> MunicipalitiesOf(ClaimsPrincipal user, PortalRole role) =>
        user.FindAll(Grant)
            .Select(c => c.Value)
            .Where(v => v.StartsWith($"{role}@mun:", StringComparison.Ordinal))
            .Select(v => int.Parse(v[(v.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();

    /// <summary>The organisations where the person holds the role («OrganisationAdmin@org:12» → 12).</summary>
    public static IReadOnlySet<int> OrganisationsOf(ClaimsPrincipal user, PortalRole role) =>
        user.FindAll(Grant)
            .Select(c => c.Value)
            .Where(v => v.StartsWith($"{role}@org:", StringComparison.Ordinal))
            .Select(v => int.Parse(v[(v.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
}
