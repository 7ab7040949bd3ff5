namespace GitGrader.Core.Sandboxing;

/// <summary>Makes isolated places to run one submission's steps in.</summary>
public interface ISandbox
{
    /// <summary>Creates and starts a fresh, locked-down session. Throws <see cref="SandboxException"/> when the backend cannot.</summary>
    Task<ISandboxSession> StartSessionAsync(SandboxSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the image built from <paramref name="recipe"/>, building it only when no image of the same
    /// content and base exists yet. Throws <see cref="SandboxException"/> when the build fails, with its output.
    /// </summary>
    Task<string> PrepareImageAsync(ImageRecipe recipe, IProgress<string>? progress, CancellationToken cancellationToken);
}
