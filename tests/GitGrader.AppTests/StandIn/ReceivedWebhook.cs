namespace GitGrader.AppTests.StandInTests;

public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Event => Headers.GetValueOrDefault("X-GitHub-Event") ?? string.Empty;
}
