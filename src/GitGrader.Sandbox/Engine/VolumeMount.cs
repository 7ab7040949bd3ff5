namespace GitGrader.Sandbox.Engine;

/// <summary>
/// A volume of the engine's <c>local</c> driver made with its container (anonymous: the engine names it) and removed
/// with it: no call of its own either way.
/// </summary>
/// <param name="Target">Where it appears inside the container.</param>
/// <param name="Labels">Labels to put on the volume.</param>
/// <param name="DriverOptions">The local driver's options (for a tmpfs: <c>type</c>, <c>device</c>, <c>o</c>).</param>
internal sealed record VolumeMount(
    string Target,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> DriverOptions);
