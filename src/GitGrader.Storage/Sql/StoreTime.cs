using System.Globalization;

namespace GitGrader.Storage.Sql;

/// <summary>
/// Times as both stores keep them: UTC, whole microseconds (PostgreSQL's <c>timestamptz</c>
/// precision, so both stores round-trip the same values). SQLite keeps them as fixed-width
/// ISO 8601 text (<c>2025-01-31T09:30:00.123456Z</c>), which sorts and compares as time does.
/// </summary>
internal static class StoreTime
{
    private const string TextFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The instant in UTC, truncated to whole microseconds.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>The text SQLite stores.</summary>
    public static string ToText(DateTimeOffset value) =>
        Normalize(value).ToString(TextFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a time column of either store.</summary>
    public static DateTimeOffset Read(object value) => value switch
    {
        string text => Normalize(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)),
        DateTime dateTime => Normalize(new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc))),
        DateTimeOffset offset => Normalize(offset),
        _ => throw new InvalidOperationException($"Unexpected time value of type {value.GetType().Name} in the database."),
    };

    /// <summary>Reads a nullable time column of either store.</summary>
    public static DateTimeOffset? ReadNullable(object? value) =>
        value is null or DBNull ? null : Read(value);
}
