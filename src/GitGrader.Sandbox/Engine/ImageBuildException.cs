using GitGrader.Core.Sandboxing;

namespace GitGrader.Sandbox.Engine;

/// <summary>The engine refused an image build, or one of its steps failed: the build context is at fault, not the engine.</summary>
internal sealed class ImageBuildException : SandboxException
{
    public ImageBuildException()
    {
    }

    public ImageBuildException(string message)
        : base(message)
    {
    }

    public ImageBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
