using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Kabinet.Web.Common.Errors;

/// <summary>What a person reads when a form value cannot be read at all (a letter where a number belongs).</summary>
internal static class RussianBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"Значение «{value}» не подходит для этого поля.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Значение «{value}» не подходит.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Значение не подходит для этого поля.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Значение не подходит.");
        messages.SetValueIsInvalidAccessor(value => $"Значение «{value}» не подходит.");
        messages.SetValueMustBeANumberAccessor(_ => "Введите число.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Введите число.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Заполните поле.");
        messages.SetMissingKeyOrValueAccessor(() => "Заполните поле.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Запрос пуст.");
        messages.SetValueMustNotBeNullAccessor(_ => "Заполните поле.");
    }
}
