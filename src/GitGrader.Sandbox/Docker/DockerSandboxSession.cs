using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.Text;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Engine;
using Microsoft.Extensions.Logging;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// One submission's container. Steps run as <c>exec</c>s of the student user; before each step,
/// and whenever a step is stopped, every student process is killed (<c>kill -9 -1</c> as that
/// user, which cannot touch the container's own process). If that fails (a fork bomb holding
/// every pid), the container is restarted and what was staged is staged again. The engine does not
/// stop a process whose stream is given up, so every step that does not end on its own is killed here.
/// </summary>
internal sealed class DockerSandboxSession : ISandboxSession
{
    private const int OutputBufferBytes = 64 * 1024;
    private const int ExitPolls = 50;
    private static readonly TimeSpan ExitPollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ReapTimeout = TimeSpan.FromSeconds(5);

    // gVisor's sandbox killed by the host's OOM killer: inspect says "running" for about a second more (measured).
    private const int DeathPolls = 30;
    private static readonly TimeSpan DeathPollInterval = TimeSpan.FromMilliseconds(100);
    private const string RuntimeComplaint = "urpc method \"containerManager.";

    // Reading two cgroup files takes milliseconds; a container too wedged to answer in a second is reported as out of time.
    private static readonly TimeSpan MemoryCheckTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaintenanceTimeout = TimeSpan.FromSeconds(60);
    private const long MaintenanceOutputBytes = 64 * 1024;

    // The image's own environment (PATH, JAVA_HOME, …) applies; these are added to it. Nothing of the host's.
    private static readonly string[] BaseEnvironment =
    [
        "HOME=/tmp",
        "LANG=C.UTF-8",
        "PYTHONDONTWRITEBYTECODE=1",
        "PYTHONNOUSERSITE=1", // a step never runs code an earlier step planted in the user site under HOME
        "PYTHONUNBUFFERED=1",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1",
    ];

    /// <summary>The memory cap and what of it cannot be reclaimed, on cgroup v1 or v2 (nothing printed where neither is readable).</summary>
    private const string MemoryScript = """
        d=/sys/fs/cgroup/memory
        if [ -r $d/memory.stat ]; then
          echo "limit $(cat $d/memory.limit_in_bytes)"
          awk '$1=="total_rss"||$1=="total_shmem"{s+=$2} END{printf "used %.0f\n", s}' $d/memory.stat
        elif [ -r /sys/fs/cgroup/memory.stat ]; then
          echo "limit $(cat /sys/fs/cgroup/memory.max)"
          awk '$1=="anon"||$1=="shmem"{s+=$2} END{printf "used %.0f\n", s}' /sys/fs/cgroup/memory.stat
        fi
        exit 0
        """;

    private const string StepWrapper =
        "kill -9 -1 2>/dev/null; \"$@\"; status=$?; kill -9 -1 2>/dev/null; " +
        "find " + SandboxPaths.Submission + " -type l -delete 2>/dev/null; exit $status";

    private const string StatusLinePrefix = "gitgrader-status ";

    private readonly IContainerEngine _engine;
    private readonly ILogger _logger;
    private readonly List<StagedTree> _staged = [];
    private readonly LeftoverSandboxes _leftovers;
    private StagedTree? _instructorFiles;
    private bool _instructorFilesPending;
    private bool _keptWorkingCopy;
    private int _oomKillsSeen;
    private bool _disposed;

    // True when a restart found the container killed for want of memory (gVisor: the OOM killer takes the
    // whole sandbox, and the step's exec never reports an end), for the step that was running then.
    private bool _containerOomKilled;

    // True when a student process may still run or a link may be planted in the working copy: a step
    // whose wrapper did not exit on its own (killed, stopped, or the container restarted).
    private bool _mayBeDirty;

    public DockerSandboxSession(IContainerEngine engine, ILogger logger, string containerId, LeftoverSandboxes leftovers)
    {
        _leftovers = leftovers;
        _engine = engine;
        _logger = logger;
        ContainerId = containerId;
    }

    public string ContainerId { get; }

    public int Restarts { get; private set; }

    private string ShortId => ContainerId.Length > 12 ? ContainerId[..12] : ContainerId;

    public async Task CopyInAsync(StagedTree tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);

        // Instructor files not yet uploaded travel in the same archive, ahead of the tree: one engine call for both.
        var upload = _instructorFilesPending && _instructorFiles is { } files ? Joined(StoreOf(files), tree) : tree;
        await PutTreeAsync(upload, cancellationToken).ConfigureAwait(false);
        _instructorFilesPending = false;
        _staged.Add(tree);
    }

    /// <summary>
    /// Kept, and uploaded with the next <see cref="CopyInAsync"/> (first in its archive, so their space is still
    /// taken before any student file's) or on their own before the next step, whichever comes first.
    /// </summary>
    public Task KeepInstructorFilesAsync(StagedTree files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        _instructorFiles = files;
        _instructorFilesPending = true;
        return Task.CompletedTask;
    }

    public async Task<bool> KeepWorkingCopyAsync(CancellationToken cancellationToken)
    {
        await UploadPendingInstructorFilesAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await RunMaintenanceAsync(WorkspaceScripts.KeepWorkingCopy, [], cancellationToken).ConfigureAwait(false);
        _keptWorkingCopy = outcome == StepStageOutcome.Ready;
        return _keptWorkingCopy;
    }

    public async Task<StepStageOutcome> PrepareAsync(StepStage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        await UploadPendingInstructorFilesAsync(cancellationToken).ConfigureAwait(false);
        await ResetAsync(cancellationToken).ConfigureAwait(false);
        string[] arguments = stage.InstructorFiles is { } files
            ? [stage.RestoresWorkingCopy ? "restore" : "lay", .. files, "--", .. stage.ReportPaths]
            : ["scratch", "--"];
        return await RunMaintenanceAsync(WorkspaceScripts.Prepare, arguments, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await UploadPendingInstructorFilesAsync(cancellationToken).ConfigureAwait(false);

        // The step's own shell kills whatever an earlier step left running, runs the step, then kills
        // whatever the step left behind (which would otherwise hold its output open). kill -1 spares
        // the shell itself and, as the student user, the container's own process.
        string[] command = ["/bin/sh", "-c", StepWrapper, "gitgrader-step", .. request.Command];
        var environment = BaseEnvironment.Concat(request.Environment.Select(kv => $"{kv.Key}={kv.Value}")).ToList();
        var started = Stopwatch.GetTimestamp();
        var run = await RunAsync(command, SandboxUsers.Student, environment, request.WorkingDirectory, request.Stdin, request.Timeout, request.OutputLimitBytes, cancellationToken).ConfigureAwait(false);

        // The wrapper exits with the step's status only after killing what the step left and deleting
        // its links; a status of 128 or more may instead mean the wrapper itself was killed.
        _mayBeDirty |= run.TimedOut || run.OutputLimitExceeded || run.ExitCode is < 0 or >= 128;

        // 137 is SIGKILL; 128 or no status at all is how an exec ends when gVisor's whole sandbox is taken by the
        // host's OOM killer (the runtime lost the process: "urpc method containerManager.WaitPID failed: EOF").
        var outOfMemory = false;
        var sandboxDied = false;
        if (!run.TimedOut && !run.OutputLimitExceeded && run.ExitCode is 137 or 128 or < 0)
        {
            if (await OomKilledSinceLastCheckAsync(cancellationToken).ConfigureAwait(false) is { } counted)
            {
                outOfMemory = counted;
            }
            else
            {
                sandboxDied = outOfMemory = await SandboxDiedOfMemoryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (_containerOomKilled)
        {
            outOfMemory = true;
            _containerOomKilled = false;
        }

        var result = new ExecutionResult
        {
            ExitCode = outOfMemory && (run.TimedOut || sandboxDied) ? 137 : run.ExitCode,
            TimedOut = run.TimedOut && !outOfMemory,
            MemoryPinned = run.MemoryPinned && !outOfMemory,
            OutputLimitExceeded = run.OutputLimitExceeded,
            OutOfMemory = outOfMemory,
            Stdout = run.Stdout,
            Stderr = outOfMemory ? WithoutRuntimeLines(run.Stderr) : run.Stderr,
            Duration = Stopwatch.GetElapsedTime(started),
        };
        SandboxLog.StepEnded(_logger, ShortId, result.ExitCode, result.TimedOut, result.OutputLimitExceeded, result.OutOfMemory, (long)result.Duration.TotalMilliseconds);
        return result;
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (!_mayBeDirty)
        {
            return; // every step so far cleaned up after itself
        }

        if (!await TryKillStudentProcessesAsync(alsoRemoveSymlinks: true, cancellationToken).ConfigureAwait(false))
        {
            await RestartBetweenStepsAsync(null, cancellationToken).ConfigureAwait(false);
        }

        _mayBeDirty = false;
    }

    public async Task<SandboxFile> ReadFileAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        var stream = await _engine.GetArchiveAsync(ContainerId, path, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return SandboxFile.Missing;
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await ReadFirstEntryAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException && !cancellationToken.IsCancellationRequested)
            {
                throw new SandboxException(
                    $"Reading {path} from sandbox {ShortId} broke off ({ex.Message}).",
                    "Check the Docker engine's health (`docker info`, its log); the job is retried.",
                    ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            await _engine.RemoveContainerAsync(ContainerId, timeout.Token).ConfigureAwait(false); // its volume with it
            SandboxLog.Removed(_logger, ShortId);
        }
        catch (Exception ex) when (ex is SandboxException or OperationCanceledException)
        {
            SandboxLog.RemoveFailed(_logger, ex, ShortId);
            _leftovers.Add(ContainerId);
        }
    }

    private static async Task<SandboxFile> ReadFirstEntryAsync(Stream tar, long maxBytes, CancellationToken cancellationToken)
    {
        using var reader = new TarReader(tar);
        var entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return SandboxFile.Missing;
        }

        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
        {
            return new SandboxFile(SandboxFileState.NotRegularFile, null, 0);
        }

        // An empty file's entry has no data stream: it is read, as empty.
        if (entry.DataStream is null || entry.Length == 0)
        {
            return new SandboxFile(SandboxFileState.Read, [], 0);
        }

        if (entry.Length > maxBytes)
        {
            return new SandboxFile(SandboxFileState.TooLarge, null, entry.Length);
        }

        var buffer = new byte[entry.Length];
        await entry.DataStream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new SandboxFile(SandboxFileState.Read, buffer, buffer.Length);
    }

    private async Task PutTreeAsync(StagedTree tree, CancellationToken cancellationToken)
    {
        using var tar = TarBuilder.Build(tree);
        await _engine.PutArchiveAsync(ContainerId, SandboxPaths.Workspace, tar, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one of GitGrader's own scripts as root. A student process still alive is killed and the
    /// script run again; if it cannot be killed, the container is restarted.
    /// </summary>
    private async Task<StepStageOutcome> RunMaintenanceAsync(string script, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            RawRun run;
            try
            {
                run = await RunAsync(
                    ["/bin/sh", "-c", WithStatusLine(script), "gitgrader-maintenance", .. arguments],
                    SandboxUsers.Grader, BaseEnvironment, "/", null, MaintenanceTimeout, MaintenanceOutputBytes, cancellationToken, statusOnStdout: true).ConfigureAwait(false);
            }
            catch (SandboxException ex) when (attempt < 2)
            {
                // The container went down since the last step (gVisor's sandbox killed for memory a moment after
                // the step's kill): restarted, and the script run again. An engine that fails otherwise is reported.
                if (await _engine.InspectContainerAsync(ContainerId, cancellationToken).ConfigureAwait(false) is not { Running: false })
                {
                    throw;
                }

                await RestartBetweenStepsAsync(ex, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (run.ExitCode < 0 && attempt < 2 && await StoppedStateAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                // The container went down under the script (its exec lost with it): restarted, and the script run again.
                await RestartBetweenStepsAsync(null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            switch (run.ExitCode)
            {
                case 0 when !run.TimedOut:
                    return StepStageOutcome.Ready;
                case WorkspaceScripts.NoRoom when !run.TimedOut:
                    return StepStageOutcome.NoRoom;
                case WorkspaceScripts.StudentAlive when attempt < 2 && !run.TimedOut:
                    if (attempt > 0 || !await TryKillStudentProcessesAsync(alsoRemoveSymlinks: false, cancellationToken).ConfigureAwait(false))
                    {
                        await RestartBetweenStepsAsync(null, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                default:
                    throw new SandboxException(
                        string.Create(CultureInfo.InvariantCulture, $"Laying out the workspace of sandbox {ShortId} failed (status {run.ExitCode}{(run.TimedOut ? ", timed out" : string.Empty)}): {Encoding.UTF8.GetString(run.Stderr).Trim()}"),
                        "Check the Docker engine's health (`docker info`, its log); the job is retried.");
            }
        }
    }

    /// <summary>One upload, no exec: the store's own folder comes first in the archive, root-owned, mode 0700.</summary>
    private async Task PutInstructorFilesAsync(StagedTree files, CancellationToken cancellationToken)
    {
        await PutTreeAsync(StoreOf(files), cancellationToken).ConfigureAwait(false);
        _instructorFilesPending = false;
    }

    /// <summary>Instructor files kept but not uploaded yet go up on their own before anything runs in the sandbox.</summary>
    private async Task UploadPendingInstructorFilesAsync(CancellationToken cancellationToken)
    {
        if (_instructorFilesPending && _instructorFiles is { } files)
        {
            await PutInstructorFilesAsync(files, cancellationToken).ConfigureAwait(false);
        }
    }

    private static StagedTree Joined(StagedTree first, StagedTree second)
    {
        foreach (var entry in second.Entries)
        {
            _ = entry.Kind == StagedEntryKind.Directory
                ? first.AddDirectory(entry.RelativePath, entry.Owner)
                : first.AddFile(entry.RelativePath, entry.Owner, entry.Content ?? ReadOnlyMemory<byte>.Empty, entry.Executable);
        }

        return first;
    }

    /// <summary>The store as uploaded: its own folder first, root-owned, mode 0700, the files under its <c>hidden</c> folder.</summary>
    private static StagedTree StoreOf(StagedTree files)
    {
        var store = new StagedTree()
            .AddDirectory(WorkspaceScripts.StoreName, StagedOwner.GraderOnly)
            .AddDirectory(WorkspaceScripts.StoreName + "/hidden", StagedOwner.Grader);
        foreach (var entry in files.Entries)
        {
            var path = $"{WorkspaceScripts.StoreName}/hidden/{entry.RelativePath}";
            _ = entry.Kind == StagedEntryKind.Directory
                ? store.AddDirectory(path, StagedOwner.Grader)
                : store.AddFile(path, StagedOwner.Grader, entry.Content ?? ReadOnlyMemory<byte>.Empty, entry.Executable);
        }

        return store;
    }

    private async Task<RawRun> RunAsync(
        IReadOnlyList<string> command,
        string user,
        IReadOnlyList<string> environment,
        string workingDirectory,
        ReadOnlyMemory<byte>? stdin,
        TimeSpan timeout,
        long outputLimit,
        CancellationToken cancellationToken,
        bool statusOnStdout = false)
    {
        var restartsBefore = Restarts;
        var execId = await _engine.CreateExecAsync(
            ContainerId,
            new ExecSpec(command, user, workingDirectory, environment, AttachStdin: stdin is not null),
            cancellationToken).ConfigureAwait(false);

        // Our own deadline: the engine client's timeout does not apply to an exec's stream.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        bool timedOut = false, exceeded = false;
        var feeding = Task.CompletedTask;
        try
        {
            using var stream = await _engine.StartExecAsync(execId, deadline.Token).ConfigureAwait(false);
            try
            {
                // Stdin is written alongside the read: a program that exits without reading it would
                // otherwise hold a sequential write until the engine breaks the pipe, seconds later.
                feeding = stdin is { } input ? FeedStdinAsync(stream, input, deadline.Token) : Task.CompletedTask;
                exceeded = await ReadOutputAsync(stream, stdout, stderr, outputLimit, deadline.Token).ConfigureAwait(false);
            }
            finally
            {
                // Closing our end first: the engine stops copying output, so a step that floods
                // its output can never hold up the kill that follows.
                await deadline.CancelAsync().ConfigureAwait(false);
                stream.Dispose();
                await feeding.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }
        catch (OperationCanceledException)
        {
            // Shutdown: stop the step's processes before giving up, then let cancellation flow.
            await StopStepAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // A step out of time while held at the memory cap (reclaiming page after page, never killed) ran out of
        // memory, not time: asked before the kill, while its memory is still in use (by root, whose own check is
        // never asked about in turn).
        var pinned = timedOut && user == SandboxUsers.Student && await MemoryPinnedAsync(cancellationToken).ConfigureAwait(false);
        if (timedOut || exceeded)
        {
            await StopStepAsync(cancellationToken).ConfigureAwait(false);
        }

        // A restart to stop the step took the exec with it (the engine no longer knows it): 137 when the restart found
        // the container killed for want of memory, else no status at all.
        // One of GitGrader's own root scripts that ran to its end printed its status last (no student process can write to
        // a root exec's output): no inspect needed. Without that line (killed, cut off, lost), the engine is asked.
        var output = stdout.ToArray();
        var printed = statusOnStdout && !timedOut && !exceeded ? PrintedStatus(ref output) : null;
        var exitCode = _containerOomKilled ? 137
            : Restarts != restartsBefore ? -1
            : printed ?? await ExitCodeAsync(execId, cancellationToken).ConfigureAwait(false);
        return new RawRun(exitCode, timedOut, exceeded, output, stderr.ToArray(), pinned);
    }

    /// <summary><paramref name="script"/> in a subshell (its <c>exit</c> ends only that), then its status on the last line of stdout.</summary>
    internal static string WithStatusLine(string script) =>
        "(\n" + script + "\n)\ns=$?; printf '\\n" + StatusLinePrefix + "%d\\n' \"$s\"; exit $s";

    /// <summary>The status on the last line of <paramref name="output"/> (which then loses that line), or null when it has none.</summary>
    internal static int? PrintedStatus(ref byte[] output)
    {
        var text = Encoding.UTF8.GetString(output);
        var marker = "\n" + StatusLinePrefix;
        var at = text.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || !text.EndsWith('\n')
            || !int.TryParse(text.AsSpan(at + marker.Length, text.Length - 1 - at - marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        output = Encoding.UTF8.GetBytes(text[..at]);
        return status;
    }

    private static async Task FeedStdinAsync(IExecStream stream, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteStdinAsync(input, cancellationToken).ConfigureAwait(false);
            stream.CloseStdin();
        }
        catch (OperationCanceledException)
        {
            // The step ended (or was stopped) before the program read all of its input: not our concern.
        }
    }

    /// <summary>
    /// Reads the step's output until it ends or <paramref name="limit"/> bytes (stdout plus stderr) have
    /// arrived. Returns true when the limit was passed (the caller stops the step).
    /// </summary>
    private static async Task<bool> ReadOutputAsync(IExecStream stream, Stream stdout, Stream stderr, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[OutputBufferBytes];
        long total = 0;
        while (true)
        {
            var chunk = await stream.ReadOutputAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (chunk.IsEnd)
            {
                return false;
            }

            var keep = (int)Math.Clamp(limit - total, 0, chunk.Count);
            if (keep > 0)
            {
                var target = chunk.Stream == ExecOutputStream.Stderr ? stderr : stdout;
                await target.WriteAsync(buffer.AsMemory(0, keep), cancellationToken).ConfigureAwait(false);
            }

            total += chunk.Count;
            if (total > limit)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// The exec's exit status. Just after its output ends the engine may still say it runs: ask again, briefly. -1 when it
    /// has none: also when the engine no longer knows the exec because its container stopped (gVisor: the host's OOM killer
    /// took the whole sandbox, and the exec went with it), which the caller then looks into as any status-less end.
    /// </summary>
    private async Task<int> ExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ExitPolls; attempt++)
        {
            ExecStatus status;
            try
            {
                status = await _engine.InspectExecAsync(execId, cancellationToken).ConfigureAwait(false);
            }
            catch (SandboxException) when (attempt == 0)
            {
                if (await StoppedStateAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    return -1;
                }

                throw;
            }

            if (!status.Running)
            {
                return status.ExitCode is { } code ? (int)code : -1;
            }

            await Task.Delay(ExitPollInterval, cancellationToken).ConfigureAwait(false);
        }

        return -1;
    }

    private async Task StopStepAsync(CancellationToken cancellationToken)
    {
        if (!await TryKillStudentProcessesAsync(alsoRemoveSymlinks: false, cancellationToken).ConfigureAwait(false))
        {
            await RestartAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryKillStudentProcessesAsync(bool alsoRemoveSymlinks, CancellationToken cancellationToken)
    {
        var script = alsoRemoveSymlinks
            ? $"kill -9 -1 2>/dev/null; kill -9 -1 2>/dev/null; find {SandboxPaths.Submission} -type l -delete 2>/dev/null; exit 0"
            : "kill -9 -1 2>/dev/null; kill -9 -1 2>/dev/null; exit 0";
        try
        {
            var run = await RunAsync(["/bin/sh", "-c", script], SandboxUsers.Student, BaseEnvironment, "/", null, ReapTimeout, 4096, cancellationToken).ConfigureAwait(false);
            return run is { TimedOut: false, ExitCode: 0 };
        }
        catch (SandboxException ex)
        {
            SandboxLog.Restarting(_logger, ex, ShortId);
            return false;
        }
    }

    /// <summary>A restart between steps: what it finds of the container's death is no step's verdict.</summary>
    private async Task RestartBetweenStepsAsync(Exception? cause, CancellationToken cancellationToken)
    {
        await RestartAsync(cause, cancellationToken).ConfigureAwait(false);
        _containerOomKilled = false;
    }

    private async Task RestartAsync(Exception? cause, CancellationToken cancellationToken)
    {
        SandboxLog.Restarting(_logger, cause, ShortId);
        _containerOomKilled = await _engine.InspectContainerAsync(ContainerId, cancellationToken).ConfigureAwait(false) is { Running: false, OomKilled: true };
        await _engine.KillContainerAsync(ContainerId, cancellationToken).ConfigureAwait(false);
        await _engine.WaitContainerAsync(ContainerId, cancellationToken).ConfigureAwait(false);
        await _engine.StartContainerAsync(ContainerId, cancellationToken).ConfigureAwait(false);
        Restarts++;
        _oomKillsSeen = 0;
        _mayBeDirty = true; // links planted before the restart may survive in the workspace

        // The workspace is a tmpfs: a restart empties it. What was staged is staged again, in the same order.
        if (_instructorFiles is not null)
        {
            await PutInstructorFilesAsync(_instructorFiles, cancellationToken).ConfigureAwait(false);
        }

        foreach (var tree in _staged)
        {
            await PutTreeAsync(tree, cancellationToken).ConfigureAwait(false);
        }

        if (_keptWorkingCopy)
        {
            var kept = await RunAsync(
                ["/bin/sh", "-c", WorkspaceScripts.KeepWorkingCopy], SandboxUsers.Grader, BaseEnvironment, "/", null, MaintenanceTimeout, MaintenanceOutputBytes, cancellationToken).ConfigureAwait(false);
            _keptWorkingCopy = kept is { TimedOut: false, ExitCode: 0 };
        }
    }

    /// <summary>
    /// An exec killed by the OOM killer does not set the container's <c>State.OOMKilled</c>; the
    /// memory cgroup's <c>oom_kill</c> counter (v1 <c>memory.oom_control</c>, v2 <c>memory.events</c>) does count it.
    /// Null when the counter could not be read at all (the container is gone or going).
    /// </summary>
    private async Task<bool?> OomKilledSinceLastCheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var run = await RunAsync(
                ["/bin/sh", "-c", "cat /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events 2>/dev/null; exit 0"],
                SandboxUsers.Student, BaseEnvironment, "/", null, ReapTimeout, 4096, cancellationToken).ConfigureAwait(false);
            if (run.TimedOut || run.ExitCode != 0)
            {
                return null;
            }

            var count = 0;
            foreach (var line in Encoding.ASCII.GetString(run.Stdout).Split('\n'))
            {
                if (line.StartsWith("oom_kill ", StringComparison.Ordinal)
                    && int.TryParse(line.AsSpan("oom_kill ".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    count = Math.Max(count, value);
                }
            }

            var killed = count > _oomKillsSeen;
            _oomKillsSeen = count;
            return killed;
        }
        catch (SandboxException)
        {
            return null;
        }
    }

    /// <summary>Whether the container itself was killed for want of memory (gVisor: the host's OOM killer takes the whole sandbox).</summary>
    private async Task<bool> SandboxDiedOfMemoryAsync(CancellationToken cancellationToken)
    {
        if (_containerOomKilled)
        {
            return true; // the probe's own timeout restarted it, and the restart saw why
        }

        try
        {
            return await StoppedStateAsync(cancellationToken).ConfigureAwait(false) is { OomKilled: true };
        }
        catch (SandboxException ex)
        {
            SandboxLog.StateUnknown(_logger, ex, ShortId);
            return false;
        }
    }

    /// <summary>
    /// The container's state once it is not running (one the engine no longer has: not running, not killed for memory),
    /// or null when it still runs after the polls. The engine goes on saying "running" for up to a second after its
    /// sandbox died (and after the step's exec ended): asked again, briefly.
    /// </summary>
    private async Task<ContainerStatus?> StoppedStateAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < DeathPolls; attempt++)
        {
            var status = await _engine.InspectContainerAsync(ContainerId, cancellationToken).ConfigureAwait(false);
            if (status is not { Running: true })
            {
                return status ?? new ContainerStatus(Running: false, OomKilled: false);
            }

            await Task.Delay(DeathPollInterval, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>A dead sandbox's exec ends with the runtime's own complaint on stderr: the student's, not the runtime's, is shown.</summary>
    private static byte[] WithoutRuntimeLines(byte[] stderr)
    {
        var text = Encoding.UTF8.GetString(stderr);
        if (!text.Contains(RuntimeComplaint, StringComparison.Ordinal))
        {
            return stderr;
        }

        var kept = text.Split('\n').Where(line => !line.Contains(RuntimeComplaint, StringComparison.Ordinal));
        return Encoding.UTF8.GetBytes(string.Join('\n', kept));
    }

    /// <summary>
    /// Whether the container's memory that cannot be reclaimed (anonymous memory and the tmpfs workspace: there is
    /// no swap) is at 85% of its cap or more (the rest is the kernel's and the page cache it keeps evicting) (cgroup v1 <c>total_rss</c> + <c>total_shmem</c>, v2 <c>anon</c> + <c>shmem</c>).
    /// Where the container has no cgroup to read (gVisor), the host's count: usage less the inactive page cache.
    /// </summary>
    private async Task<bool> MemoryPinnedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var run = await RunAsync(["/bin/sh", "-c", MemoryScript], SandboxUsers.Grader, BaseEnvironment, "/", null, MemoryCheckTimeout, 4096, cancellationToken).ConfigureAwait(false);
            long limit = 0, used = 0;
            foreach (var line in Encoding.ASCII.GetString(run.Stdout).Split('\n', StringSplitOptions.TrimEntries))
            {
                _ = line.StartsWith("limit ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(6), NumberStyles.Integer, CultureInfo.InvariantCulture, out limit);
                _ = line.StartsWith("used ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(5), NumberStyles.Integer, CultureInfo.InvariantCulture, out used);
            }

            if (limit == 0)
            {
                // No cgroup inside (gVisor's sandbox has none): the host's count of the whole sandbox.
                (used, limit) = await _engine.MemoryAsync(ContainerId, cancellationToken).ConfigureAwait(false) is { } host ? (host.Used, host.Limit) : (0, 0);
            }

            return limit > 0 && used >= limit / 20 * 17;
        }
        catch (SandboxException)
        {
            return false;
        }
    }

    private sealed record RawRun(int ExitCode, bool TimedOut, bool OutputLimitExceeded, byte[] Stdout, byte[] Stderr, bool MemoryPinned = false);
}
