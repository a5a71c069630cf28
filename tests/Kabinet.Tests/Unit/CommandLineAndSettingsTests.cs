using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Microsoft.Extensions.Configuration;

namespace Kabinet.Tests.Unit;

public sealed class CommandLineAndSettingsTests
{
    [Fact]
    public void No_command_runs_the_portal_and_passes_settings_to_the_host()
    {
        var command = KabinetCommand.Parse(["--urls", "http://localhost:5080"]);

        Assert.Equal(CommandKind.Run, command.Kind);
        Assert.Equal(["--urls", "http://localhost:5080"], command.HostArgs);
    }

    [Fact]
    public void Seed_takes_a_scale_a_seed_number_and_reset()
    {
        var command = KabinetCommand.Parse(["seed", "--scale", "region", "--seed", "7", "--reset", "--Database:Provider=PostgreSql"]);

        Assert.Equal((CommandKind.Seed, "region", 7, true), (command.Kind, command.Scale, command.Seed, command.Reset));
        Assert.Equal(["--Database:Provider=PostgreSql"], command.HostArgs);
    }

    [Fact]
    public void Trusted_proxies_are_addresses_and_networks()
    {
        var parsed = Kabinet.Web.Common.Hosting.TrustedProxies.Parse(" 10.0.0.5, 10.1.0.0/16 ,::1");

        Assert.Equal(3, parsed.Count);
        Assert.NotNull(parsed[1].Network);
        Assert.Empty(Kabinet.Web.Common.Hosting.TrustedProxies.Parse(null));
        Assert.Throws<Kabinet.Web.Common.Hosting.ConfigurationProblemException>(() => Kabinet.Web.Common.Hosting.TrustedProxies.Parse("10.0.0.300"));
    }

    [Theory]
    [InlineData("seed", "--seed", "many")]
    [InlineData("seed", "--scale")]
    [InlineData("--urls", "http://localhost:1", "migrate")]
    [InlineData("seed", "--scale", "galaxy")]
    [InlineData("dance")]
    public void A_wrong_command_line_is_explained_in_Russian(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => KabinetCommand.Parse(args));
        Assert.Matches("[а-яА-Я]", error.Message);
    }

    [Fact]
    public void Sqlite_is_the_default_with_the_file_in_the_data_folder()
    {
        var folder = Directory.CreateTempSubdirectory("kabinet-settings-");
        var root = folder.FullName;

        var settings = DatabaseSettings.Resolve(new ConfigurationBuilder().Build(), root);
        folder.Delete(recursive: true);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(Path.Combine(root, "data"), settings.DataDirectory);
        Assert.Contains(Path.Combine(root, "data", "kabinet.db"), settings.ConnectionString, StringComparison.Ordinal);
        Assert.True(settings.MigrateOnStart);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSql")]
    public void PostgreSql_is_chosen_by_configuration(string provider)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = "Host=db.local;Database=kabinet;Username=kabinet;Password=secret",
        }).Build();

        var settings = DatabaseSettings.Resolve(config, Path.GetTempPath());

        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
        Assert.Equal("PostgreSQL: db.local:5432/kabinet", settings.Describe());
        Assert.DoesNotContain("secret", settings.Describe(), StringComparison.Ordinal);
    }
}
