namespace Kabinet.Tests.Architecture;

/// <summary>Rules about the source itself that the compiler does not check.</summary>
public sealed class SourceRulesTests
{
    private static readonly string Root = FindRepositoryRoot();

    public static TheoryData<string> SourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            data.Add(Path.GetRelativePath(Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void Time_comes_from_the_injected_TimeProvider(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));

        foreach (var banned in new[] { "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow" })
            Assert.False(text.Contains(banned, StringComparison.Ordinal), $"{file} uses {banned}; inject TimeProvider instead");
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void The_database_is_never_created_around_the_migrations(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));

        Assert.False(text.Contains("EnsureCreated", StringComparison.Ordinal), $"{file} calls EnsureCreated; use migrations");
    }

    [Fact]
    public void No_front_end_library_is_loaded_from_a_CDN()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cshtml", SearchOption.AllDirectories);

        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//[^\"]+\\.(js|css)", text);
        }
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kabinet.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kabinet.slnx not found above " + AppContext.BaseDirectory);
    }
}
