using System.Net;
using System.Text.Json;
using static Kabinet.Tests.Enrollment.EnrollmentTestData;

namespace Kabinet.Tests.Enrollment;

/// <summary>The 1 April window opens at midnight in Kemerovo (17:00 UTC the day before), not at midnight UTC.</summary>
public sealed class WindowTests(EnrollmentEveApp app) : IClassFixture<EnrollmentEveApp>
{
    [Fact]
    public async Task The_priority_window_opens_at_midnight_region_time_for_a_territory_child_and_on_6_July_for_others()
    {
        var (school, _) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 31, 16, 59, 59, TimeSpan.Zero));
        var parent = await app.SignedInAsync("demo.roditel"); // signed in on each jump of the clock: sessions expire
        var early = await PostAsync(parent, FirstGrade(child, school), "w-early");
        var outsiderEarly = await PostAsync(parent, FirstGrade(child, school, street: "ул. Неизвестная", house: "1"), "w-outsider");
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 31, 17, 0, 0, TimeSpan.Zero));
        parent = await app.SignedInAsync("demo.roditel");
        var onTime = await PostAsync(parent, FirstGrade(child, school), "w-on-time");
        var other = await NewChildAsync(app, "demo.roditel", new DateOnly(2020, 4, 4), "Олег");
        var outsider = await PostAsync(parent, FirstGrade(other, school, street: "ул. Неизвестная", house: "1"), "w-outsider-2");
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 5, 17, 0, 0, TimeSpan.Zero)); // 6 July, 00:00 in Kemerovo
        parent = await app.SignedInAsync("demo.roditel");
        var july = await PostAsync(parent, FirstGrade(other, school, street: "ул. Неизвестная", house: "1"), "w-july");

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var message = JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("schoolYear")[0].GetString();
        Assert.Contains("с 01.04.2027 по 30.06.2027", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, outsiderEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Contains("с 06.07.2027 по 05.09.2027", await outsider.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, july.StatusCode);
    }
}
