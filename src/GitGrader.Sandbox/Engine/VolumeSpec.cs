namespace GitGrader.Sandbox.Engine;

/// <summary>A volume of the engine's <c>local</c> driver.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Labels">Labels to put on it.</param>
/// <param name="DriverOptions">The local driver's options (for a tmpfs: <c>type</c>, <c>device</c>, <c>o</c>).</param>
internal sealed record VolumeSpec(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> DriverOptions);
