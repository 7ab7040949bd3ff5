using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Octokit.Webhooks.Converter;

namespace GitGrader.GitHub.Webhooks;

/// <summary>
/// Octokit.Webhooks' date converters let <see cref="FormatException"/> and <see cref="ArgumentOutOfRangeException"/>
/// escape on a malformed date (<c>"updated_at":"soon"</c>, a Unix time past year 9999), which the serializer does not
/// turn into a <see cref="JsonException"/> with the member's path. This type-info modifier wraps them so that it does.
/// </summary>
internal static class DateGuard
{
    /// <summary>Wraps the library's date converter of every property that has one.</summary>
    public static void Apply(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        foreach (var property in type.Properties)
        {
            property.CustomConverter = property.CustomConverter switch
            {
                DateTimeOffsetConverter dates => new GuardedDateConverter<DateTimeOffset>(dates),
                NullableDateTimeOffsetConverter dates => new GuardedDateConverter<DateTimeOffset?>(dates),
                var other => other,
            };
        }
    }
}
