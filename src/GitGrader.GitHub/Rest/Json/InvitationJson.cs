namespace GitGrader.GitHub.Rest.Json;

/// <summary>A repository invitation as GitHub sends it (the members GitGrader reads), read by Octokit's serializer.</summary>
internal sealed class InvitationJson
{
    public long? Id { get; set; }

    public AccountJson? Invitee { get; set; }

    public string? Permissions { get; set; }
}
