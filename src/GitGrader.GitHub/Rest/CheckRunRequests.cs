using GitGrader.GitHub.Rest.Json;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// Builds check run request bodies: GitHub's spellings, texts cut to GitHub's limits, and annotations split 50 to a
/// request (the first 50 with the create or update, the rest in PATCHes carrying the same title, summary and text).
/// </summary>
internal static class CheckRunRequests
{
    /// <summary>GitHub's cap on annotations per request.</summary>
    public const int MaxAnnotationsPerRequest = 50;

    /// <summary>The POST and its follow-up PATCHes.</summary>
    public static CheckRunRequestPlan ForCreate(NewCheckRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var batches = Batches(run.Output);
        var first = new CheckRunRequestJson
        {
            Name = run.Name,
            HeadSha = run.HeadSha,
            ExternalId = run.ExternalId,
            Status = WireFormat.Name(run.Status),
            StartedAt = WireFormat.Timestamp(run.StartedAt),
            Conclusion = run.Conclusion is { } conclusion ? WireFormat.Name(conclusion) : null,
            CompletedAt = WireFormat.Timestamp(run.CompletedAt),
            Output = batches.Count > 0 ? batches[0] : null,
        };
        return new CheckRunRequestPlan(first, FollowUps(batches));
    }

    /// <summary>The first PATCH and its follow-ups.</summary>
    public static CheckRunRequestPlan ForUpdate(CheckRunUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var batches = Batches(update.Output);
        var first = new CheckRunRequestJson
        {
            Status = update.Status is { } status ? WireFormat.Name(status) : null,
            StartedAt = WireFormat.Timestamp(update.StartedAt),
            Conclusion = update.Conclusion is { } conclusion ? WireFormat.Name(conclusion) : null,
            CompletedAt = WireFormat.Timestamp(update.CompletedAt),
            Output = batches.Count > 0 ? batches[0] : null,
        };
        return new CheckRunRequestPlan(first, FollowUps(batches));
    }

    /// <summary>One <c>output</c> per 50 annotations (one with none when there are none); empty without output.</summary>
    private static List<CheckRunOutputJson> Batches(CheckRunOutput? output)
    {
        if (output is null)
        {
            return [];
        }

        ArgumentNullException.ThrowIfNull(output.Title, "output.Title");
        ArgumentNullException.ThrowIfNull(output.Summary, "output.Summary");
        var title = output.Title;
        var summary = TextLimits.TruncateMarkdown(output.Summary, TextLimits.MaxOutputText);
        var text = output.Text is null ? null : TextLimits.TruncateMarkdown(output.Text, TextLimits.MaxOutputText);
        var annotations = output.Annotations ?? [];
        var batches = new List<CheckRunOutputJson>();
        for (var start = 0; start == 0 || start < annotations.Count; start += MaxAnnotationsPerRequest)
        {
            var batch = annotations.Skip(start).Take(MaxAnnotationsPerRequest).Select(Annotation).ToList();
            batches.Add(new CheckRunOutputJson { Title = title, Summary = summary, Text = text, Annotations = batch.Count > 0 ? batch : null });
        }

        return batches;
    }

    private static List<CheckRunRequestJson> FollowUps(List<CheckRunOutputJson> batches)
        => [.. batches.Skip(1).Select(output => new CheckRunRequestJson { Output = output })];

    private static AnnotationJson Annotation(CheckRunAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return new AnnotationJson
        {
            Path = annotation.Path,
            StartLine = annotation.StartLine,
            EndLine = annotation.EndLine,
            AnnotationLevel = annotation.Level,
            Message = TextLimits.TruncateUtf8(annotation.Message, TextLimits.MaxAnnotationMessageBytes),
            Title = annotation.Title is null ? null : TextLimits.TruncatePlain(annotation.Title, TextLimits.MaxAnnotationTitle),
        };
    }
}
