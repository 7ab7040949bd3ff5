namespace GitGrader.Sandbox.Engine;

/// <summary>A named volume mounted into a container.</summary>
/// <param name="Volume">The volume's name.</param>
/// <param name="Target">Where it appears inside the container.</param>
internal sealed record VolumeMount(string Volume, string Target);
