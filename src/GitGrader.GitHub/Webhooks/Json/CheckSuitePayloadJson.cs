namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>A <c>check_suite</c> body.</summary>
internal sealed class CheckSuitePayloadJson : PayloadJson
{
    public CheckSuiteJson? CheckSuite { get; init; }
}
