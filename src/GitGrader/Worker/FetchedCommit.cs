using System.Globalization;
using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;

namespace GitGrader.Worker;

/// <summary>
/// A commit fetched by <see cref="CommitFetcher"/> into a bare repository, read as a submission without
/// a checkout: <c>git ls-tree</c> lists the commit's tree (modes, sizes), <see cref="SubmissionPlan"/>
/// checks the caps on that listing alone, and one <c>git cat-file --batch</c> streams the blobs of the
/// files kept. Regular and executable files are staged; symbolic links and submodules are skipped with
/// a note, as are names that are not valid UTF-8 and paths git would refuse to check out (<c>.git</c>,
/// <c>..</c>). Nothing of <c>.gitattributes</c> applies: the files are the commit's bytes. No token is used.
/// The notes and rejections are the folder reader's, word for word, but for one case: a tree over several caps
/// is rejected for the first its listing passes (git's order), which may not be the one the folder walk meets first.
/// </summary>
public sealed class FetchedCommit : ISubmissionSource
{
    internal FetchedCommit(string gitDirectory, string sha)
    {
        GitDirectory = gitDirectory;
        Sha = sha;
    }

    /// <summary>The bare repository holding the commit (its pack only).</summary>
    public string GitDirectory { get; }

    /// <summary>The commit.</summary>
    public string Sha { get; }

    /// <inheritdoc />
    /// <exception cref="GitFetchException">git could not list or read the commit.</exception>
    public async Task<SubmissionSnapshot> ReadAsync(ResourceLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var (entries, rejection) = await ListAsync(limits, cancellationToken).ConfigureAwait(false);
        var plan = rejection is not null ? SubmissionPlan.Rejected(rejection) : SubmissionPlan.Make(entries, limits);
        var blobs = await ReadBlobsAsync([.. plan.Files.Where(f => f.Size > 0).DistinctBy(f => f.Locator)], cancellationToken).ConfigureAwait(false);
        return await plan.StageAsync((file, _) => ValueTask.FromResult(blobs[file.Locator]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="sha"/> is a full lowercase commit id (nothing git could take for an option or a ref).</summary>
    internal static bool IsSha(string sha) => sha.Length == 40 && sha.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// The commit's entries in <see cref="FolderWalker"/>'s order; or, as soon as the entries with names fit
    /// to stage pass a cap of <see cref="SubmissionCaps"/>, its rejection (so a huge tree is never held whole:
    /// git is stopped there). The plan made from a complete listing checks the same caps again, in order.
    /// </summary>
    private async Task<(List<SubmissionEntry> Entries, string? Rejection)> ListAsync(ResourceLimits limits, CancellationToken cancellationToken)
    {
        var entries = new List<SubmissionEntry>();
        var caps = new SubmissionCaps(limits);
        using (var git = GitProcess.Start(GitDirectory, token: null, keepInput: false, "ls-tree", "-r", "-t", "-z", "-l", "--full-tree", Sha + "^{commit}"))
        using (cancellationToken.Register(git.Kill))
        {
            var output = new GitOutputReader(git.Output);
            while (await output.ReadToAsync(0, cancellationToken).ConfigureAwait(false) is { } record)
            {
                var entry = GitTreeEntry.Parse(record) ?? throw git.Failed("unexpected output", Encoding.UTF8.GetString(record));
                entries.Add(entry);
                if (GitTreeEntry.Staged(entry.Path) && caps.Add(entry) is { } rejection)
                {
                    return ([], rejection);
                }
            }

            await git.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (GitTreeEntry.SkipUnder(entries.OrderBy(e => e.Path, Comparer<string>.Create(SubmissionEntry.ComparePaths))), null);
    }

    /// <summary>The content of each blob, through one <c>git cat-file --batch</c>.</summary>
    private async Task<Dictionary<string, ReadOnlyMemory<byte>>> ReadBlobsAsync(IReadOnlyList<SubmissionEntry> files, CancellationToken cancellationToken)
    {
        var blobs = new Dictionary<string, ReadOnlyMemory<byte>>(files.Count, StringComparer.Ordinal);
        if (files.Count == 0)
        {
            return blobs;
        }

        using var git = GitProcess.Start(GitDirectory, token: null, keepInput: true, "cat-file", "--batch", "--buffer");
        using var registration = cancellationToken.Register(git.Kill);
        var writing = WriteIdsAsync(git, files);
        var output = new GitOutputReader(git.Output);
        var complete = false;
        try
        {
            foreach (var file in files)
            {
                var header = await output.ReadToAsync((byte)'\n', cancellationToken).ConfigureAwait(false);
                var expected = string.Create(CultureInfo.InvariantCulture, $"{file.Locator} blob {file.Size}");
                if (header is null)
                {
                    throw new EndOfStreamException();
                }

                if (Encoding.ASCII.GetString(header) is var answer && answer != expected)
                {
                    throw git.Failed("unexpected output", $"'{answer}' where '{expected}' was due");
                }

                blobs[file.Locator] = await output.ReadExactlyAsync(checked((int)file.Size), cancellationToken).ConfigureAwait(false);
                await output.ReadToAsync((byte)'\n', cancellationToken).ConfigureAwait(false);
            }

            complete = true;
        }
        catch (EndOfStreamException)
        {
            // Killed on cancellation; else git stopped writing: its exit code and words say why, or the output was cut.
            cancellationToken.ThrowIfCancellationRequested();
            await git.CompleteAsync(cancellationToken).ConfigureAwait(false);
            throw git.Failed("unexpected output", "its output ended inside a blob");
        }
        finally
        {
            if (!complete)
            {
                git.Kill();
            }

            await writing.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await git.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return blobs;
    }

    /// <summary>Writes the blob ids git is to print; never throws (when git stops reading, what it wrote says why).</summary>
    private static async Task WriteIdsAsync(GitProcess git, IReadOnlyList<SubmissionEntry> files)
    {
        var ids = Encoding.ASCII.GetBytes(string.Concat(files.Select(f => f.Locator + "\n")));
        try
        {
            await git.Input.WriteAsync(ids).ConfigureAwait(false);
            git.CloseInput();
        }
        catch (IOException)
        {
            // git exited or was killed before reading every id.
        }
    }
}
