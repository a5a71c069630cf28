namespace Kabinet.Web.Features.Accounts.Sessions;

/// <summary>«Chrome, Windows» from a User-Agent string: enough for a person to recognise their own device.</summary>
public static class BrowserNames
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return "неизвестный браузер";
        var browser = userAgent switch
        {
            _ when userAgent.Contains("YaBrowser/", StringComparison.Ordinal) => "Яндекс Браузер",
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("OPR/", StringComparison.Ordinal) => "Opera",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "другой браузер",
        };
        var system = userAgent switch
        {
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return system is null ? browser : $"{browser}, {system}";
    }

    public static string Method(string method) => method switch
    {
        "pwd" => "логин и пароль",
        "esia" => "Госуслуги",
        "vkid" => "VK ID",
        _ => method,
    };
}
