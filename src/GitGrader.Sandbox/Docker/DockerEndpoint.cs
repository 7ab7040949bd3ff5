namespace GitGrader.Sandbox.Docker;

/// <summary>Reads <see cref="DockerOptions"/>' endpoint and API version, with errors that say what is accepted.</summary>
internal static class DockerEndpoint
{
    public const string UnixScheme = "unix";
    public const string TcpScheme = "tcp";

    /// <summary>The endpoint as a URI; throws <see cref="ArgumentException"/> naming what is accepted.</summary>
    public static Uri Parse(string endpoint) =>
        TryParse(endpoint, out var uri)
            ? uri
            : throw new ArgumentException(Problem(endpoint), nameof(endpoint));

    public static bool TryParse(string? endpoint, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        var valid = parsed.Scheme switch
        {
            UnixScheme => parsed.AbsolutePath.Length > 1 && string.IsNullOrEmpty(parsed.Host),
            TcpScheme => !string.IsNullOrEmpty(parsed.Host) && parsed.AbsolutePath is "" or "/",
            _ => false,
        };
        uri = parsed;
        return valid;
    }

    public static string Problem(string? endpoint) =>
        $"Docker endpoint '{endpoint}' is not understood; use unix:///path/to/docker.sock or tcp://host:port.";

    /// <summary>The API version to pin requests to, or null for the engine's own (unversioned paths).</summary>
    public static Version? ApiVersion(string? apiVersion) =>
        string.IsNullOrWhiteSpace(apiVersion) ? null : Version.Parse(apiVersion.Trim().TrimStart('v', 'V'));

    public static bool IsValidApiVersion(string? apiVersion) =>
        string.IsNullOrWhiteSpace(apiVersion) || Version.TryParse(apiVersion.Trim().TrimStart('v', 'V'), out _);
}
