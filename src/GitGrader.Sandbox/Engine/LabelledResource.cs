namespace GitGrader.Sandbox.Engine;

/// <summary>A container or volume found by label: its id (a volume's name) and every label it carries.</summary>
internal sealed record LabelledResource(string Id, IReadOnlyDictionary<string, string> Labels);
