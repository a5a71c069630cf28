namespace Kabinet.Web.Common.Hosting;

public enum CommandKind
{
    Run,
    Migrate,
    Seed,

    /// <summary>`bench NAME`: a module's in-process benchmark on the configured database (see bench/).</summary>
    Bench,
}

/// <summary>An in-process benchmark a module offers to `Kabinet.Web bench NAME`; it prints its own figures.</summary>
public interface IBenchmarkCommand
{
    string Name { get; }

    Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct);
}

/// <summary>
/// The command line: no command runs the portal; `migrate` applies database migrations and exits;
/// `seed --scale demo|region [--seed N] [--reset]` loads generated data and exits.
/// Anything else is left to the host (e.g. --urls, --Database:Provider=...).
/// </summary>
public sealed record KabinetCommand(CommandKind Kind, string[] HostArgs, string Scale = "demo", int Seed = 42, bool Reset = false, string? Benchmark = null)
{
    public const string Usage =
        "Использование: Kabinet.Web [migrate | seed --scale demo|region [--seed N] [--reset] | bench allocation|enrollment-setup|enrollment-check] [--ключ=значение настроек]";

    public static KabinetCommand Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            // "--urls x migrate" would silently start the portal: the command must come first.
            if (args.FirstOrDefault(a => a.ToUpperInvariant() is "MIGRATE" or "SEED" or "BENCH") is { } misplaced)
                throw new ArgumentException($"Команда «{misplaced}» должна стоять первой. {Usage}");
            return new KabinetCommand(CommandKind.Run, args);
        }

        switch (args[0].ToUpperInvariant())
        {
            case "MIGRATE":
                return new KabinetCommand(CommandKind.Migrate, args[1..]);
            case "SEED":
                return ParseSeed(args[1..]);
            case "BENCH" when args.Length < 2 || args[1].StartsWith('-'):
                throw new ArgumentException($"После bench нужно имя замера, например bench allocation. {Usage}");
            case "BENCH":
                return new KabinetCommand(CommandKind.Bench, args[2..], Benchmark: args[1].ToLowerInvariant());
            default:
                throw new ArgumentException($"Неизвестная команда «{args[0]}». {Usage}");
        }
    }

    private static KabinetCommand ParseSeed(string[] args)
    {
        string scale = "demo";
        int seed = 42;
        var reset = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale" or "--seed" when i + 1 >= args.Length || args[i + 1].StartsWith('-'):
                    throw new ArgumentException($"После {args[i]} нужно значение. {Usage}");
                case "--scale":
                    scale = args[++i].ToLowerInvariant();
                    if (scale is not ("demo" or "region"))
                        throw new ArgumentException($"Неизвестный объём данных «{scale}»: укажите --scale demo или --scale region.");
                    break;
                case "--seed":
                    if (!int.TryParse(args[++i], out seed))
                        throw new ArgumentException($"--seed ждёт целое число, а не «{args[i]}».");
                    break;
                case "--reset":
                    reset = true;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new KabinetCommand(CommandKind.Seed, [.. rest], scale, seed, reset);
    }
}
