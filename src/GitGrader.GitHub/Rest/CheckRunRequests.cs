using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// Builds Octokit's check run requests from GitGrader's: texts cut to GitHub's limits, timestamps to the second, and
/// annotations split 50 to a request, because Octokit sends them all in one and GitHub refuses more than 50: the first 50
/// go with the create or update, the rest in PATCHes carrying the same title, summary and text.
/// </summary>
internal static class CheckRunRequests
{
    /// <summary>GitHub's cap on annotations per request.</summary>
    public const int MaxAnnotationsPerRequest = 50;

    /// <summary>The POST and its follow-up PATCHes.</summary>
    public static CheckRunRequestPlan<Octo.NewCheckRun> ForCreate(NewCheckRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var batches = Batches(run.Output);
        var first = new Octo.NewCheckRun(run.Name, run.HeadSha)
        {
            ExternalId = run.ExternalId,
            Status = WireFormat.Status(run.Status),
            StartedAt = WireFormat.Timestamp(run.StartedAt),
            Conclusion = run.Conclusion is { } conclusion ? WireFormat.Conclusion(conclusion) : null,
            CompletedAt = WireFormat.Timestamp(run.CompletedAt),
            Output = batches.Count > 0 ? batches[0] : null,
        };
        return new CheckRunRequestPlan<Octo.NewCheckRun>(first, FollowUps(batches));
    }

    /// <summary>The first PATCH and its follow-ups.</summary>
    public static CheckRunRequestPlan<Octo.CheckRunUpdate> ForUpdate(CheckRunUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var batches = Batches(update.Output);
        var first = new Octo.CheckRunUpdate
        {
            Status = update.Status is { } status ? WireFormat.Status(status) : null,
            StartedAt = WireFormat.Timestamp(update.StartedAt),
            Conclusion = update.Conclusion is { } conclusion ? WireFormat.Conclusion(conclusion) : null,
            CompletedAt = WireFormat.Timestamp(update.CompletedAt),
            Output = batches.Count > 0 ? batches[0] : null,
        };
        return new CheckRunRequestPlan<Octo.CheckRunUpdate>(first, FollowUps(batches));
    }

    /// <summary>One <c>output</c> per 50 annotations (one with none when there are none); empty without output.</summary>
    private static List<Octo.NewCheckRunOutput> Batches(CheckRunOutput? output)
    {
        if (output is null)
        {
            return [];
        }

        ArgumentNullException.ThrowIfNull(output.Title, "output.Title");
        ArgumentNullException.ThrowIfNull(output.Summary, "output.Summary");
        var summary = TextLimits.TruncateMarkdown(output.Summary, TextLimits.MaxOutputText);
        var text = output.Text is null ? null : TextLimits.TruncateMarkdown(output.Text, TextLimits.MaxOutputText);
        var annotations = (output.Annotations ?? []).Select(Annotation).ToList();
        var batches = new List<Octo.NewCheckRunOutput>();
        for (var start = 0; start == 0 || start < annotations.Count; start += MaxAnnotationsPerRequest)
        {
            var batch = annotations.Skip(start).Take(MaxAnnotationsPerRequest).ToList();
            batches.Add(new Octo.NewCheckRunOutput(output.Title, summary) { Text = text, Annotations = batch.Count > 0 ? batch : null });
        }

        return batches;
    }

    private static List<Octo.CheckRunUpdate> FollowUps(List<Octo.NewCheckRunOutput> batches)
        => [.. batches.Skip(1).Select(output => new Octo.CheckRunUpdate { Output = output })];

    private static Octo.NewCheckRunAnnotation Annotation(CheckRunAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return new Octo.NewCheckRunAnnotation(
            annotation.Path,
            annotation.StartLine,
            annotation.EndLine,
            WireFormat.AnnotationLevel(annotation.Level),
            TextLimits.TruncateUtf8(annotation.Message, TextLimits.MaxAnnotationMessageBytes))
        {
            Title = annotation.Title is null ? null : TextLimits.TruncatePlain(annotation.Title, TextLimits.MaxAnnotationTitle),
        };
    }
}
