using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitGrader.Core.Assignments;

/// <summary>Source-generated serialization of GitHub Classroom's <c>autograding.json</c>.</summary>
[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ClassroomAutograding))]
internal sealed partial class ClassroomJsonContext : JsonSerializerContext;
