namespace Kabinet.Web.Data.Seed;

/// <summary>How much the generator produces. `demo` is for trying the portal; `region` has the Kuzbass volumes for benchmarks.</summary>
internal sealed record SeedScale(
    string Name,
    int Kindergartens,
    int Schools,
    int Colleges,
    int AdditionalEducation,
    int SchoolStudents,
    int PreschoolChildren,
    int MaxParallels,
    (int Min, int Max) CityGroupsPerKindergarten,
    (int Min, int Max) RuralGroupsPerKindergarten)
{
    public const int DefaultSeed = 42;

    public static readonly SeedScale Demo = new(
        "demo", Kindergartens: 70, Schools: 60, Colleges: 8, AdditionalEducation: 12,
        SchoolStudents: 7_000, PreschoolChildren: 2_500, MaxParallels: 1,
        CityGroupsPerKindergarten: (3, 5), RuralGroupsPerKindergarten: (2, 3));

    public static readonly SeedScale Region = new(
        "region", Kindergartens: 720, Schools: 560, Colleges: 62, AdditionalEducation: 110,
        SchoolStudents: 302_000, PreschoolChildren: 101_000, MaxParallels: 4,
        CityGroupsPerKindergarten: (7, 12), RuralGroupsPerKindergarten: (2, 6));

    public static SeedScale Parse(string name) => name switch
    {
        "demo" => Demo,
        "region" => Region,
        _ => throw new ArgumentException($"Unknown scale {name}", nameof(name)),
    };
}
