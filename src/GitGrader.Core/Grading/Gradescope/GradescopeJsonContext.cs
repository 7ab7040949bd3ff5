using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitGrader.Core.Grading.Gradescope;

/// <summary>Source-generated JSON for Gradescope's results and submission metadata (snake_case, numbers also as strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(GradescopeResults))]
[JsonSerializable(typeof(GradescopeMetadata))]
internal sealed partial class GradescopeJsonContext : JsonSerializerContext;
