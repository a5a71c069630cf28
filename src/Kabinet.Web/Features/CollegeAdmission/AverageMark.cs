using System.Globalization;

namespace Kabinet.Web.Features.CollegeAdmission;

/// <summary>Средний балл аттестата: 2.00–5.00 with at most two decimals, typed with a comma or a point.</summary>
public static class AverageMark
{
    public const int Min = 200;

    public const int Max = 500;

    /// <summary>The average in hundredths (4,5 → 450); null and the reason in Russian when it is not one.</summary>
    public static int? Parse(string? text, out string? problem)
    {
        problem = null;
        var value = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(value))
        {
            problem = "Укажите средний балл аттестата, например 4,35.";
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mark))
        {
            problem = "Средний балл — число от 2 до 5, например 4,35.";
            return null;
        }

        var hundredths = mark * 100;
        if (hundredths != decimal.Truncate(hundredths))
        {
            problem = "Укажите средний балл с точностью до сотых, например 4,35.";
            return null;
        }

        if (hundredths is < Min or > Max)
        {
            problem = "Средний балл аттестата должен быть от 2,00 до 5,00.";
            return null;
        }

        return (int)hundredths;
    }

    public static string Display(int hundredths) => (hundredths / 100m).ToString("0.00", CultureInfo.GetCultureInfo("ru-RU"));
}
