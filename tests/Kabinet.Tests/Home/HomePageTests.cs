using Kabinet.Tests.Infrastructure;

namespace Kabinet.Tests.Home;

public sealed class HomePageTests(DemoApp app)
{
    [Fact]
    public async Task The_home_page_counts_the_region_in_proper_Russian()
    {
        var page = await app.CreateBrowser().GetPageAsync("/");

        var stats = page.QuerySelectorAll(".stats li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal("34 муниципалитета", stats[0]);
        Assert.Equal("60 школ", stats[2]);
        Assert.Equal("8 колледжей и техникумов", stats[3]);
        Assert.Equal("12 организаций доп. образования", stats[4]);
    }

    [Fact]
    public async Task The_home_page_search_box_leads_to_the_register()
    {
        var page = await app.CreateBrowser().GetPageAsync("/");

        var form = page.QuerySelector("form[action='/organisations']");
        Assert.Equal("get", form?.GetAttribute("method"));
        Assert.NotNull(form?.QuerySelector("input[name=q]"));
    }
}
