namespace GitGrader.GitHub.Rest.Json;

/// <summary>A user as GitHub embeds it.</summary>
internal sealed class UserResponseJson
{
    public string? Login { get; init; }
}
