using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitGrader.GitHub.Webhooks;

/// <summary>A library date converter whose failures on malformed input are <see cref="JsonException"/>s (see <see cref="DateGuard"/>).</summary>
internal sealed class GuardedDateConverter<T>(JsonConverter<T> inner) : JsonConverter<T>
{
    /// <inheritdoc />
    public override bool HandleNull => inner.HandleNull;

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return inner.Read(ref reader, typeToConvert, options);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            throw new JsonException($"{Describe(reader)} is not a date: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);

    private static string Describe(Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : Encoding.UTF8.GetString(reader.ValueSpan);
        return "'" + (text.Length <= 40 ? text : text[..40] + "…") + "'";
    }
}
