using System.Globalization;
using System.Text.Json.Nodes;

namespace GitGrader.GitHubStandIn.State;

/// <summary>A check run being built up by create and update requests (guarded by <see cref="CheckRunStore"/>'s lock).</summary>
internal sealed class CheckRunRecord(long id, RepoRecord repository, string headSha, long checkSuiteId)
{
    private readonly List<AnnotationView> _annotations = [];
    private readonly List<string> _statusHistory = [];
    private readonly List<CheckRunSnapshot> _history = [];
    private string? _externalId;
    private string? _detailsUrl;
    private string? _conclusion;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _completedAt;
    private string? _title;
    private string? _summary;
    private string? _text;

    public long Id { get; } = id;

    public RepoRecord Repository { get; } = repository;

    public string HeadSha { get; } = headSha;

    public long CheckSuiteId { get; } = checkSuiteId;

    public string Name { get; private set; } = string.Empty;

    public string Status { get; private set; } = "queued";

    /// <summary>Applies a create or update body the way GitHub does: a conclusion completes the run, annotations append.</summary>
    public void Apply(JsonObject body, string action, string bodyText, DateTimeOffset now)
    {
        Name = Text(body, "name") ?? Name;
        _externalId = body.ContainsKey("external_id") ? Text(body, "external_id") : _externalId;
        _detailsUrl = body.ContainsKey("details_url") ? Text(body, "details_url") : _detailsUrl;
        _startedAt = Time(body, "started_at") ?? _startedAt ?? now;
        _completedAt = Time(body, "completed_at") ?? _completedAt;
        Status = Text(body, "status") ?? Status;
        if (Text(body, "conclusion") is { } conclusion)
        {
            _conclusion = conclusion;
            Status = "completed";
        }

        if (Status == "completed")
        {
            _completedAt ??= now;
        }
        else
        {
            _conclusion = null;
            _completedAt = null;
        }

        var added = 0;
        if (body["output"] is JsonObject output)
        {
            _title = output.ContainsKey("title") ? Text(output, "title") : _title;
            _summary = output.ContainsKey("summary") ? Text(output, "summary") : _summary;
            _text = output.ContainsKey("text") ? Text(output, "text") : _text;
            if (output["annotations"] is JsonArray annotations)
            {
                foreach (var annotation in annotations.OfType<JsonObject>())
                {
                    _annotations.Add(ToAnnotation(annotation));
                    added++;
                }
            }
        }

        if (_statusHistory.Count == 0 || _statusHistory[^1] != Status)
        {
            _statusHistory.Add(Status);
        }

        _history.Add(new CheckRunSnapshot(now, action, Status, _conclusion, _title, _summary, _text, added, _annotations.Count, bodyText));
    }

    /// <summary>An immutable copy.</summary>
    public CheckRunView ToView(Uri baseUrl) => new(
        Id,
        Repository.Ref,
        Name,
        HeadSha,
        _externalId,
        Status,
        _conclusion,
        _title,
        _summary,
        _text,
        [.. _annotations],
        [.. _statusHistory],
        [.. _history],
        _detailsUrl,
        _startedAt,
        _completedAt,
        new Uri(baseUrl, $"{Repository.FullName}/runs/{Id}"),
        CheckSuiteId);

    private static AnnotationView ToAnnotation(JsonObject a) => new(
        Text(a, "path") ?? string.Empty,
        Integer(a, "start_line") ?? 0,
        Integer(a, "end_line") ?? 0,
        Integer(a, "start_column"),
        Integer(a, "end_column"),
        Text(a, "annotation_level") ?? string.Empty,
        Text(a, "message") ?? string.Empty,
        Text(a, "title"),
        Text(a, "raw_details"));

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Integer(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static DateTimeOffset? Time(JsonObject o, string name) =>
        Text(o, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;
}
