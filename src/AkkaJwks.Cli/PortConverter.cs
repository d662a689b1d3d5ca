using System.ComponentModel;
using System.Globalization;

namespace AkkaJwks.Cli;

/// <summary>
/// Lets Spectre.Console.Cli bind <c>--port N</c>: a refusal says what a port is, and the program adds which option
/// (Spectre's own conversion failure names neither).
/// </summary>
internal sealed class PortConverter : TypeConverter
{
    /// <inheritdoc />
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc />
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is int given)
        {
            return given;
        }

        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new FormatException($"'{text}' is not a port: expected a whole number from 0 to 65535 "
                + "(0 picks a free one)")
            {
                Data = { [CommandLineDuration.ValueKey] = text },
            };
    }
}
