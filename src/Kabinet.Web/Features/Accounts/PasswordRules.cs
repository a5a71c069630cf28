using Microsoft.AspNetCore.Identity;

namespace Kabinet.Web.Features.Accounts;

/// <summary>
/// What a password must not be (ASVS 5.0 6.2): shorter than 8 characters (Identity checks), longer than 128,
/// one of the commonly used passwords, or built from the account's own login or e-mail or the portal's name.
/// No composition rules, no periodic rotation.
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<Account>
{
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    private static readonly string[] PortalWords = ["kabinet", "кабинет", "ruobr"];

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account account, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success); // the length rule reports it
        var errors = new List<IdentityError>();
        var folded = password.Trim().ToLowerInvariant();
        if (password.Length > MaxLength)
            errors.Add(Error("PasswordTooLong", $"Пароль должен быть не длиннее {MaxLength} символов."));
        if (IsCommon(password))
            errors.Add(Error("PasswordTooCommon", "Этот пароль слишком распространён, его легко подобрать. Придумайте другой — например, фразу из нескольких слов."));
        else if (ContextWords(account).Any(word => folded.Contains(word, StringComparison.Ordinal)))
            errors.Add(Error("PasswordHasContext", "Пароль не должен содержать ваш логин, адрес почты или название портала."));
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    private static IEnumerable<string> ContextWords(Account account)
    {
        foreach (var word in PortalWords)
            yield return word;
        if (account.UserName is { Length: >= 4 } login)
            yield return login.ToLowerInvariant();
        if (account.Email?.Split('@')[0] is { Length: >= 4 } mailbox)
            yield return mailbox.ToLowerInvariant();
    }

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords.txt resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
                set.Add(line.Trim().ToLowerInvariant());
        }

        return set;
    }
}
