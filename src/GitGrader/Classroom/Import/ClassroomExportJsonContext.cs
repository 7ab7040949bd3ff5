using System.Text.Json.Serialization;

namespace GitGrader.Classroom.Import;

/// <summary>Source-generated reading of the export's JSON (GitHub's REST answers as <c>jq</c> wrote them); unknown fields are ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(List<ExportClassroom>))]
[JsonSerializable(typeof(ExportClassroom))]
[JsonSerializable(typeof(List<ExportAssignment>))]
[JsonSerializable(typeof(ExportAssignment))]
[JsonSerializable(typeof(List<ExportAcceptedAssignment>))]
internal sealed partial class ClassroomExportJsonContext : JsonSerializerContext;
