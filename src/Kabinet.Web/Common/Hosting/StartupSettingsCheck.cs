namespace Kabinet.Web.Common.Hosting;

/// <summary>
/// A module's settings, checked before Kabinet does anything: a bad value throws a
/// <see cref="ConfigurationProblemException"/> and start-up ends in one line (CommandRunner) instead of a logged stack trace.
/// </summary>
public sealed class StartupSettingsCheck(Action check)
{
    public void Run() => check();
}

public static class StartupSettingsCheckRegistration
{
    public static IServiceCollection AddStartupSettingsCheck(this IServiceCollection services, Action<IServiceProvider> check) =>
        services.AddSingleton(sp => new StartupSettingsCheck(() => check(sp)));
}
