using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.Infrastructure;

namespace GitGrader.GitHubStandIn.State;

/// <summary>Every check run, with GitHub's create/update semantics. Thread-safe.</summary>
internal sealed class CheckRunStore(Uri baseUrl, ChangeSignal changed)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, CheckRunRecord> _runs = [];
    private readonly Dictionary<string, long> _suites = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 20_500_000_000;
    private long _nextSuiteId = 18_900_000_000;

    /// <summary>Creates a run from a <c>POST …/check-runs</c> body.</summary>
    public CheckRunView Create(RepoRecord repository, string headSha, JsonObject body, string bodyText, DateTimeOffset now)
    {
        CheckRunView view;
        lock (_lock)
        {
            var suiteKey = $"{repository.FullName}@{headSha}";
            if (!_suites.TryGetValue(suiteKey, out var suiteId))
            {
                suiteId = ++_nextSuiteId;
                _suites[suiteKey] = suiteId;
            }

            var record = new CheckRunRecord(++_nextId, repository, headSha, suiteId);
            record.Apply(body, "created", bodyText, now);
            _runs[record.Id] = record;
            view = record.ToView(baseUrl);
        }

        changed.Pulse();
        return view;
    }

    /// <summary>Applies a <c>PATCH …/check-runs/{id}</c> body; null when the run is not in that repository.</summary>
    public CheckRunView? Update(RepoRecord repository, long id, JsonObject body, string bodyText, DateTimeOffset now)
    {
        CheckRunView view;
        lock (_lock)
        {
            if (!_runs.TryGetValue(id, out var record) || record.Repository.Id != repository.Id)
            {
                return null;
            }

            record.Apply(body, "updated", bodyText, now);
            view = record.ToView(baseUrl);
        }

        changed.Pulse();
        return view;
    }

    /// <summary>The run, or null.</summary>
    public CheckRunView? Find(long id)
    {
        lock (_lock)
        {
            return _runs.TryGetValue(id, out var record) ? record.ToView(baseUrl) : null;
        }
    }

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<CheckRunView> All()
    {
        lock (_lock)
        {
            return [.. _runs.Values.OrderBy(r => r.Id).Select(r => r.ToView(baseUrl))];
        }
    }
}
