namespace GitGrader.Sandbox.Docker;

/// <summary>One line of the engine's streamed answer to <c>POST /build</c>.</summary>
internal sealed record BuildProgressLine
{
    public string? Stream { get; init; }

    public string? Error { get; init; }
}
