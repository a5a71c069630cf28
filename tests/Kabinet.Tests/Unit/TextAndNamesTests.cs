using Kabinet.Web.Common.Text;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Families;

namespace Kabinet.Tests.Unit;

public sealed class TextAndNamesTests
{
    [Theory]
    [InlineData("МБОУ «Гимназия № 1»", "мбоу гимназия 1")]
    [InlineData("Детский сад «Берёзка»", "детский сад березка")]
    [InlineData("  ЛИЦЕЙ   №23 ", "лицей 23")]
    public void Search_text_is_folded_to_lower_case_without_yo_and_punctuation(string text, string folded) =>
        Assert.Equal(folded, SearchTextFolding.Fold(text));

    [Fact]
    public void Decomposed_letters_are_composed_before_folding() =>
        Assert.Equal("лицей", SearchTextFolding.Fold("лицеи\u0306"));

    [Theory]
    [InlineData(1, "школа")]
    [InlineData(2, "школы")]
    [InlineData(5, "школ")]
    [InlineData(11, "школ")]
    [InlineData(14, "школ")]
    [InlineData(21, "школа")]
    [InlineData(34, "школы")]
    [InlineData(111, "школ")]
    public void Counted_words_take_the_right_Russian_form(int count, string word) =>
        Assert.Equal(word, RussianPlural.Choose(count, "школа", "школы", "школ"));

    [Fact]
    public void A_query_becomes_distinct_words()
    {
        Assert.Equal(["гимназия", "1"], SearchTextFolding.Terms("Гимназия №1 гимназия"));
        Assert.Empty(SearchTextFolding.Terms("  «» "));
        Assert.Empty(SearchTextFolding.Terms(null));
    }

    [Fact]
    public void Numbered_organisations_sort_by_number_whatever_their_kind_then_the_rest_by_name()
    {
        string[] names = ["«Детский сад комбинированного вида № 13»", "«Детский сад № 4 «Улыбка»»", "«СОШ № 10»", "«Дом детского творчества»", "«Гимназия № 2»"];
        Assert.Equal(
            ["«Гимназия № 2»", "«Детский сад № 4 «Улыбка»»", "«СОШ № 10»", "«Детский сад комбинированного вида № 13»", "«Дом детского творчества»"],
            names.OrderBy(SearchTextFolding.SortKey, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Иванов", "Иванова")]
    [InlineData("Соловьёв", "Соловьёва")]
    [InlineData("Ильин", "Ильина")]
    [InlineData("Островский", "Островская")]
    [InlineData("Заболоцкий", "Заболоцкая")]
    [InlineData("Руденко", "Руденко")]
    [InlineData("Шевчук", "Шевчук")]
    public void Women_of_a_family_bear_the_feminine_form_of_the_surname(string masculine, string feminine)
    {
        Assert.Equal(feminine, RussianNames.SurnameFor(masculine, Sex.Female));
        Assert.Equal(masculine, RussianNames.SurnameFor(masculine, Sex.Male));
    }

    [Theory]
    [InlineData("Сергей", "Сергеевич", "Сергеевна")]
    [InlineData("Илья", "Ильич", "Ильинична")]
    [InlineData("Пётр", "Петрович", "Петровна")]
    [InlineData("Михаил", "Михайлович", "Михайловна")]
    public void Patronymics_come_from_the_father_s_name(string father, string son, string daughter)
    {
        Assert.Equal(son, RussianNames.Patronymic(father, Sex.Male));
        Assert.Equal(daughter, RussianNames.Patronymic(father, Sex.Female));
    }

    [Fact]
    public void Every_generated_father_name_gives_a_patronymic()
    {
        var random = new Random(1);
        for (var i = 0; i < 2_000; i++)
        {
            var name = RussianNames.AdultFirstName(random, Sex.Male);
            Assert.NotEmpty(RussianNames.Patronymic(name, Sex.Female));
        }
    }
}
