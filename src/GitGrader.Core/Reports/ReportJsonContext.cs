using System.Text.Json.Serialization;

namespace GitGrader.Core.Reports;

/// <summary>Source-generated JSON for <see cref="GradeReport"/>: snake_case names, indented, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GradeReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
