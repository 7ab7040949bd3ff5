namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>A <c>check_run</c> body.</summary>
internal sealed class CheckRunPayloadJson : PayloadJson
{
    public CheckRunJson? CheckRun { get; init; }
}
