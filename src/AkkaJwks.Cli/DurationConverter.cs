using System.ComponentModel;
using System.Globalization;

namespace AkkaJwks.Cli;

/// <summary>Lets Spectre.Console.Cli bind <c>--duration 10s</c> style options to <see cref="TimeSpan"/>.</summary>
internal sealed class DurationConverter : TypeConverter
{
    /// <inheritdoc />
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc />
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }

        return CommandLineDuration.TryParse(text, out var duration, out var error)
            ? duration
            : throw new FormatException(error) { Data = { [CommandLineDuration.ValueKey] = text } };
    }
}
