using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// One image build at a time across the GitGrader processes of this host that share an engine (a <c>serve</c> and its
/// <c>worker</c>s preparing the same assignment at start): an exclusive <c>flock</c> on a file named by the engine's
/// endpoint and the image repository, in <see cref="DefaultFolder"/>. The kernel releases it when its holder exits,
/// however it exits, so a killed process never leaves it held. It never stops a build for good: a folder that cannot be
/// used, or a wait past the patience given, means building without it (Docker's layer cache makes a second build of the
/// same recipe cheap, and both end with the same tag). Processes on other hosts are not held by it.
/// </summary>
internal sealed class HostBuildLock : IDisposable
{
    /// <summary>Where the lock files are: one folder per machine, shared by every user's GitGrader processes.</summary>
    public static readonly string DefaultFolder = Path.Combine(Path.GetTempPath(), "gitgrader-build-locks");

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly FileStream? _file;

    private HostBuildLock(FileStream? file) => _file = file;

    /// <summary>
    /// Takes the lock of <paramref name="repository"/> on <paramref name="endpoint"/>, calling <paramref name="onWait"/> once if
    /// another process holds it, and waiting at most <paramref name="patience"/>.
    /// </summary>
    public static async Task<HostBuildLock> AcquireAsync(
        string folder, string endpoint, string repository, TimeSpan patience, Action onWait, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onWait);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint + "\n" + repository)))[..32];
        var path = Path.Combine(folder, name + ".lock");
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            SandboxLog.BuildLockUnavailable(logger, repository, folder, ex.Message);
            return new HostBuildLock(null);
        }

        var started = Stopwatch.GetTimestamp();
        var waited = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive, non-blocking flock on Unix (and a sharing lock on Windows).
                return new HostBuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (UnauthorizedAccessException ex)
            {
                SandboxLog.BuildLockUnavailable(logger, repository, path, ex.Message);
                return new HostBuildLock(null);
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(started) < patience)
            {
                if (!waited)
                {
                    waited = true;
                    onWait();
                }

                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                SandboxLog.BuildLockUnavailable(logger, repository, path, $"still held after {patience.TotalMinutes:0} min ({ex.Message})");
                return new HostBuildLock(null);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file?.Dispose();
}
