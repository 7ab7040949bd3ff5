using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Worker;
using Microsoft.Extensions.Logging;

namespace GitGrader.AppTests.Units;

public sealed class ImagePreparationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gg-prep-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingSandbox _sandbox = new();
    private readonly CollectingLogger<ImagePreparation> _logger = new();

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task PrepareAll_BuildsEachAssignmentsImageInSlugOrder_SkipsThoseGradedInTheirOwnImage_AndAFailureStopsNotTheOthers()
    {
        _sandbox.Failing.Add("gitgrader-autograder/b-broken");
        var preparation = Preparation(Autograder("d-last"), Plain("c-plain"), Autograder("b-broken"), Autograder("a-first"));

        var (prepared, failed) = await preparation.PrepareAllAsync(CancellationToken.None);

        Assert.Equal(["gitgrader-autograder/a-first", "gitgrader-autograder/b-broken", "gitgrader-autograder/d-last"], _sandbox.Prepared);
        Assert.Equal((2, 1), (prepared, failed));
        var messages = _logger.Entries.ToList();
        Assert.Contains(messages, e => e.Level == LogLevel.Information && e.Message.StartsWith("Image of assignment a-first prepared: gitgrader-autograder/a-first:prepared (", StringComparison.Ordinal));
        Assert.Contains(messages, e => e.Level == LogLevel.Information && e.Message.StartsWith("Image of assignment d-last prepared: gitgrader-autograder/d-last:prepared (", StringComparison.Ordinal));
        var error = Assert.Single(messages, e => e.Level == LogLevel.Error);
        Assert.StartsWith("Image of assignment b-broken could not be prepared", error.Message, StringComparison.Ordinal);
        Assert.Contains("'/bin/sh -c bash run-setup.sh' returned a non-zero code: 100", error.Message, StringComparison.Ordinal);
        Assert.Contains("E: Unable to locate package nope", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix setup.sh.", error.Message, StringComparison.Ordinal);
        Assert.Contains(messages, e => e.Message.StartsWith("Images prepared at start: 2 built or found, 1 failed, of 4 assignment(s)", StringComparison.Ordinal));
        Assert.Contains(messages, e => e.Level == LogLevel.Debug && e.Message.Contains("c-plain is graded in its own image img", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrepareAll_AnAssignmentFolderThatCannotBeRead_IsAFailureOfThatAssignmentOnly()
    {
        var gone = Autograder("a-gone");
        Directory.Delete(gone.AutograderDirectory, recursive: true);
        var preparation = Preparation(gone, Autograder("b-fine"));

        var (prepared, failed) = await preparation.PrepareAllAsync(CancellationToken.None);

        Assert.Equal((1, 1), (prepared, failed));
        Assert.Equal(["gitgrader-autograder/b-fine"], _sandbox.Prepared);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Image of assignment a-gone could not be prepared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ReturnsAtOnceWhileABuildRuns_AndStopCancelsIt_WithoutStartingTheNext()
    {
        _sandbox.Blocking.Add("gitgrader-autograder/a-slow");
        using var preparation = Preparation(Autograder("a-slow"), Autograder("b-next"));

        var start = preparation.StartAsync(CancellationToken.None);
        Assert.True(start.IsCompleted, "start waited for a build");
        await start;
        await _sandbox.BlockingStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await preparation.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["gitgrader-autograder/a-slow"], _sandbox.Prepared);
        Assert.Contains(_logger.Entries, e => e.Message == "Preparing images stopped: the process is shutting down");
        Assert.DoesNotContain(_logger.Entries, e => e.Level == LogLevel.Error);
        Assert.True(preparation.ExecuteTask is { IsCompletedSuccessfully: true }, "the service ended faulted or cancelled: the host would log it as a crash");
    }

    private ImagePreparation Preparation(params Assignment[] assignments) =>
        new(new AssignmentCatalog("cs101", assignments), new Grader(_sandbox), _logger);

    private Assignment Autograder(string slug)
    {
        var directory = Path.Combine(_root, slug);
        Directory.CreateDirectory(Path.Combine(directory, "autograder"));
        File.WriteAllText(Path.Combine(directory, "autograder", "run_autograder"), "#!/bin/bash\necho '{\"score\": 1}' > /autograder/results/results.json\n");
        File.WriteAllText(Path.Combine(directory, "autograder", "setup.sh"), "echo " + slug + "\n");
        return new Assignment { Slug = slug, Name = slug, Image = "img", Directory = directory, Format = AssignmentFormat.Gradescope, Tests = [] };
    }

    private Assignment Plain(string slug) =>
        new() { Slug = slug, Name = slug, Image = "img", Directory = Path.Combine(_root, slug), Tests = [] };
}
