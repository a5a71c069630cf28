using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kabinet.Web.Common.Hosting;

internal static class CommandRunner
{
    /// <summary>Runs the command; a broken setting or an unreachable database ends in one line on stderr and a non-zero exit code.</summary>
    public static async Task<int> RunCommandAsync(this WebApplication app, KabinetCommand command)
    {
        DatabaseSettings settings;
        try
        {
            settings = app.Services.GetRequiredService<DatabaseSettings>();
            TrustedProxies.Parse(app.Configuration[TrustedProxies.Key]);
            foreach (var check in app.Services.GetServices<StartupSettingsCheck>())
                check.Run();
        }
        catch (Exception e) when (FindProblem(e) is { } problem)
        {
            Console.Error.WriteLine($"Kabinet не запущен: {problem.Message}");
            return 2;
        }

        try
        {
            switch (command.Kind)
            {
                case CommandKind.Migrate:
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var applied = await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().MigrateAsync(CancellationToken.None);
                    Console.WriteLine($"База данных обновлена ({settings.Describe()}): применено миграций — {applied}.");
                    return 0;
                }

                case CommandKind.Seed:
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
                    await seeder.RunCommandAsync(command, Console.Out, CancellationToken.None);
                    return 0;
                }

                case CommandKind.Bench:
                {
                    var benchmark = app.Services.GetServices<IBenchmarkCommand>().FirstOrDefault(b => b.Name == command.Benchmark);
                    if (benchmark is null)
                    {
                        Console.Error.WriteLine($"Неизвестный замер «{command.Benchmark}». {KabinetCommand.Usage}");
                        return 2;
                    }

                    await benchmark.RunAsync(app.Services, Console.Out, CancellationToken.None);
                    return 0;
                }

                default:
                {
                    await using (var scope = app.Services.CreateAsyncScope())
                        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync(CancellationToken.None);
                    app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app, settings));
                    await app.RunAsync();
                    return 0;
                }
            }
        }
        catch (Exception e) when (FindProblem(e) is { } problem)
        {
            Console.Error.WriteLine($"Kabinet не запущен: {problem.Message}");
            return 2;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            Console.Error.WriteLine($"Kabinet не запущен: {e.Message} Адрес занят другой программой — укажите другой, например --urls http://localhost:5080.");
            return 2;
        }
        catch (Exception e) when (DbExceptions.IsUnavailable(e))
        {
            Console.Error.WriteLine($"Kabinet не запущен: база данных недоступна ({settings.Describe()}): {e.GetBaseException().Message}");
            return 3;
        }
    }

    private static ConfigurationProblemException? FindProblem(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is ConfigurationProblemException p)
                return p;
        }

        return null;
    }

    private static void PrintAddresses(WebApplication app, DatabaseSettings settings)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
            return;
        Console.WriteLine($"Kabinet работает: {string.Join(", ", addresses)} ({settings.Describe()}). Остановить: Ctrl+C.");
    }
}
