using Kabinet.Web.Features.Families;

namespace Kabinet.Tests.Unit;

public sealed class DocumentTests
{
    [Theory]
    [InlineData("112-233-445 95", "11223344595")]
    [InlineData("11223344595", "11223344595")]
    [InlineData("001-001-998 00", "00100199800")] // below the range that carries a check number
    public void Valid_SNILS_numbers_are_accepted_in_any_usual_spelling(string input, string digits)
    {
        Assert.Equal(digits, Documents.NormalizeSnils(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("112-233-445 96", "контрольное число")]
    [InlineData("1122334459", "11 цифр")]
    [InlineData("112-233-445 9A", "11 цифр")]
    public void Invalid_SNILS_numbers_are_explained(string input, string message)
    {
        Assert.Null(Documents.NormalizeSnils(input, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("112233445", 95)]  // sum 95: below 100, the sum itself
    [InlineData("000000001", 1)]
    [InlineData("050234316", 0)]   // sum 100 → 00
    [InlineData("016103396", 0)]   // sum 101 → 00
    [InlineData("700201621", 1)]   // sum 102 → 102 mod 101
    [InlineData("820981233", 0)]   // sum 201 → remainder 100 → 00
    public void The_SNILS_check_number_follows_the_weights_rule(string nine, int check) =>
        Assert.Equal(check, Documents.SnilsCheck(nine));

    [Theory]
    [InlineData("IV-ИК", "123456", "IV-ИК")]
    [InlineData("iv - ик", "123 456", "IV-ИК")]
    [InlineData("ХІ-МЮ", "654321", "XI-МЮ")] // Cyrillic look-alikes typed for Roman numerals
    public void Birth_certificate_series_and_number_are_normalised(string series, string number, string expected)
    {
        var result = Documents.Normalize(DocumentKind.BirthCertificate, series, number, out var seriesError, out var numberError);

        Assert.Null(seriesError);
        Assert.Null(numberError);
        Assert.Equal(expected, result!.Value.Series);
        Assert.Equal(number.Replace(" ", "", StringComparison.Ordinal), result.Value.Number);
    }

    [Theory]
    [InlineData("4-ИК", "123456", true, false)]
    [InlineData("IV-IK", "123456", true, false)]
    [InlineData("IV-ИК", "12345", false, true)]
    [InlineData("", "", true, true)]
    public void Malformed_birth_certificates_are_refused_with_the_field_at_fault(string series, string number, bool badSeries, bool badNumber)
    {
        Assert.Null(Documents.Normalize(DocumentKind.BirthCertificate, series, number, out var seriesError, out var numberError));
        Assert.Equal(badSeries, seriesError is not null);
        Assert.Equal(badNumber, numberError is not null);
    }

    [Fact]
    public void Passport_series_is_four_digits_and_number_six()
    {
        Assert.NotNull(Documents.Normalize(DocumentKind.Passport, "32 12", "345678", out _, out _));
        Assert.Null(Documents.Normalize(DocumentKind.Passport, "321", "345678", out var seriesError, out _));
        Assert.NotNull(seriesError);
    }

    [Theory]
    [InlineData("иванова-петрова", "Иванова-Петрова")]
    [InlineData("  АННА  ", "Анна")]
    [InlineData("д'артаньян", "Д'Артаньян")]
    public void Names_are_stored_capitalised(string input, string stored) => Assert.Equal(stored, Names.Capitalize(input));
}
