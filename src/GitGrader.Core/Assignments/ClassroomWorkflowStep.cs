using YamlDotNet.RepresentationModel;

namespace GitGrader.Core.Assignments;

/// <summary>One step of a Classroom workflow, as written: its dotted path and line, <c>id</c>, <c>name</c>, <c>uses</c>, <c>run</c> and <c>with</c>.</summary>
internal sealed record ClassroomWorkflowStep(string Path, int Line, string? Id, string? Name, string? Uses, string? Run, YamlMappingNode? With);
