namespace GitGrader.AppTests.EndToEnd;

/// <summary>End-to-end tests share the machine's Docker engine and cores; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
