using System.Diagnostics;
using GitGrader.Classroom;
using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Worker;

/// <summary>
/// At start of <c>serve</c> and <c>worker</c> (<see cref="WorkerOptions.PrepareImagesAtStart"/>), builds every loaded
/// assignment's image that is not its plain image, one at a time in slug order: a Gradescope autograder's (its
/// <c>setup.sh</c> run) and the one a setup's dependency installs run into with network. So the first push at a
/// deadline does not wait for an <c>npm install</c> or a <c>setup.sh</c>. Nothing waits for it: webhooks are
/// answered and other assignments graded meanwhile, and a grade of an assignment whose image is being built waits
/// for that build (the sandbox builds an image once at a time) instead of building it again. A failed build is
/// logged with its command and output and stops nothing; grading that assignment then reports it as it always did.
/// </summary>
public sealed partial class ImagePreparation : BackgroundService
{
    private readonly AssignmentCatalog _catalog;
    private readonly Grader _grader;
    private readonly ILogger<ImagePreparation> _logger;

    /// <summary>Creates the preparation over the course's assignments.</summary>
    public ImagePreparation(AssignmentCatalog catalog, Grader grader, ILogger<ImagePreparation> logger)
    {
        _catalog = catalog;
        _grader = grader;
        _logger = logger;
    }

    /// <summary>Prepares every assignment's image in turn; the counts of those prepared and of those that failed.</summary>
    public async Task<(int Prepared, int Failed)> PrepareAllAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var prepared = 0;
        var failed = 0;
        foreach (var assignment in _catalog.Assignments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var one = Stopwatch.GetTimestamp();
            try
            {
                var image = await _grader.PrepareImageAsync(assignment, null, cancellationToken).ConfigureAwait(false);
                if (image is null)
                {
                    LogPlain(_logger, assignment.Slug, assignment.Image);
                    continue;
                }

                prepared++;
                LogPrepared(_logger, assignment.Slug, image, Milliseconds(one));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                var hint = ex is SandboxException { Hint: { } h } ? h : string.Empty;
                LogFailed(_logger, assignment.Slug, Milliseconds(one), ex.Message, hint);
            }
        }

        LogDone(_logger, prepared, failed, _catalog.Assignments.Count, Milliseconds(started));
        return (prepared, failed);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up goes on at once: nothing of serve waits for a build.
        await Task.Yield();
        try
        {
            await PrepareAllAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(_logger);
        }
    }

    private static long Milliseconds(long since) => (long)Stopwatch.GetElapsedTime(since).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Information, Message = "Image of assignment {Slug} prepared: {Image} ({Milliseconds} ms)")]
    private static partial void LogPrepared(ILogger logger, string slug, string image, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Assignment {Slug} is graded in its own image {Image}: nothing to prepare")]
    private static partial void LogPlain(ILogger logger, string slug, string image);

    [LoggerMessage(Level = LogLevel.Error, Message = "Image of assignment {Slug} could not be prepared (after {Milliseconds} ms); grading it builds it again and, while it fails, reports this as a grader error:\n{Error}\n{Hint}")]
    private static partial void LogFailed(ILogger logger, string slug, long milliseconds, string error, string hint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Images prepared at start: {Prepared} built or found, {Failed} failed, of {Assignments} assignment(s), in {Milliseconds} ms")]
    private static partial void LogDone(ILogger logger, int prepared, int failed, int assignments, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Preparing images stopped: the process is shutting down")]
    private static partial void LogStopped(ILogger logger);
}
