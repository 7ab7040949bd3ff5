using System.Text.Json.Serialization;

namespace GitGrader.Core.Assignments;

/// <summary>What a student may see of a test's result.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Visibility>))]
public enum Visibility
{
    /// <summary>Name, verdict, points and output are shown.</summary>
    [JsonStringEnumMemberName("visible")]
    Visible,

    /// <summary>Name, verdict and points are shown; nothing the test printed or expected ever is.</summary>
    [JsonStringEnumMemberName("hidden")]
    Hidden,

    /// <summary>Like <see cref="Hidden"/> until the deadline, like <see cref="Visible"/> after it.</summary>
    [JsonStringEnumMemberName("after_due_date")]
    AfterDueDate,
}
