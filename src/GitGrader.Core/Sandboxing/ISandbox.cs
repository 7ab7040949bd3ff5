namespace GitGrader.Core.Sandboxing;

/// <summary>Makes isolated places to run one submission's steps in.</summary>
public interface ISandbox
{
    /// <summary>Creates and starts a fresh, locked-down session. Throws <see cref="SandboxException"/> when the backend cannot.</summary>
    Task<ISandboxSession> StartSessionAsync(SandboxSettings settings, CancellationToken cancellationToken);
}
