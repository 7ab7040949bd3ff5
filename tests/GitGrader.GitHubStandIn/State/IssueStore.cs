using GitGrader.GitHubStandIn.Infrastructure;

namespace GitGrader.GitHubStandIn.State;

/// <summary>Issues, pull requests (one number space per repository, as on GitHub) and their comments. Thread-safe.</summary>
internal sealed class IssueStore(ChangeSignal changed)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _lastNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(long RepoId, int Number), IssueView> _issues = [];
    private readonly Dictionary<(long RepoId, int Number), PullRequestView> _pulls = [];
    private readonly Dictionary<long, CommentView> _comments = [];
    private long _nextIssueId = 2_700_000_000;
    private long _nextPullId = 1_900_000_000;
    private long _nextCommentId = 2_600_000_000;

    /// <summary>Opens an issue.</summary>
    public IssueView CreateIssue(RepoRecord repository, string title, string? body, string author, DateTimeOffset now)
    {
        IssueView issue;
        lock (_lock)
        {
            var number = NextNumber(repository);
            issue = new IssueView(++_nextIssueId, repository.Ref, number, title, body, "open", null, author, [new IssueRevision(now, title, body, "open")], now, now, null);
            _issues[(repository.Id, number)] = issue;
        }

        changed.Pulse();
        return issue;
    }

    /// <summary>Edits an issue: null arguments leave a field as it was.</summary>
    public IssueView? UpdateIssue(RepoRecord repository, int number, string? title, string? body, bool setBody, string? state, string? stateReason, DateTimeOffset now)
    {
        IssueView updated;
        lock (_lock)
        {
            if (!_issues.TryGetValue((repository.Id, number), out var issue))
            {
                return null;
            }

            var newState = state ?? issue.State;
            var closedAt = newState == "closed" ? issue.ClosedAt ?? now : (DateTimeOffset?)null;
            var newTitle = title ?? issue.Title;
            var newBody = setBody ? body : issue.Body;
            updated = issue with
            {
                Title = newTitle,
                Body = newBody,
                State = newState,
                StateReason = state is null ? issue.StateReason : stateReason ?? (newState == "closed" ? "completed" : "reopened"),
                UpdatedAt = now,
                ClosedAt = closedAt,
                History = [.. issue.History, new IssueRevision(now, newTitle, newBody, newState)],
            };
            _issues[(repository.Id, number)] = updated;
        }

        changed.Pulse();
        return updated;
    }

    /// <summary>Opens a pull request.</summary>
    public PullRequestView OpenPullRequest(RepoRecord repository, string title, string headRef, string headSha, string baseRef, string baseSha, string author, DateTimeOffset now)
    {
        PullRequestView pull;
        lock (_lock)
        {
            var number = NextNumber(repository);
            pull = new PullRequestView(++_nextPullId, repository.Ref, number, title, headRef, headSha, baseRef, baseSha, "open", false, author, now, now, null);
            _pulls[(repository.Id, number)] = pull;
        }

        changed.Pulse();
        return pull;
    }

    /// <summary>Replaces a pull request (closing it, moving its head…).</summary>
    public void ReplacePullRequest(RepoRecord repository, PullRequestView pull)
    {
        lock (_lock)
        {
            _pulls[(repository.Id, pull.Number)] = pull;
        }

        changed.Pulse();
    }

    /// <summary>The issue, or null.</summary>
    public IssueView? FindIssue(RepoRecord repository, int number)
    {
        lock (_lock)
        {
            return _issues.GetValueOrDefault((repository.Id, number));
        }
    }

    /// <summary>The pull request, or null.</summary>
    public PullRequestView? FindPullRequest(RepoRecord repository, int number)
    {
        lock (_lock)
        {
            return _pulls.GetValueOrDefault((repository.Id, number));
        }
    }

    /// <summary>Issues of a repository, oldest first.</summary>
    public IReadOnlyList<IssueView> IssuesOf(RepoRecord repository)
    {
        lock (_lock)
        {
            return [.. _issues.Where(i => i.Key.RepoId == repository.Id).Select(i => i.Value).OrderBy(i => i.Number)];
        }
    }

    /// <summary>Pull requests of a repository, oldest first.</summary>
    public IReadOnlyList<PullRequestView> PullRequestsOf(RepoRecord repository)
    {
        lock (_lock)
        {
            return [.. _pulls.Where(p => p.Key.RepoId == repository.Id).Select(p => p.Value).OrderBy(p => p.Number)];
        }
    }

    /// <summary>Adds a comment; null when there is no such issue or pull request.</summary>
    public CommentView? AddComment(RepoRecord repository, int number, string body, string author, DateTimeOffset now)
    {
        CommentView comment;
        lock (_lock)
        {
            if (!_issues.ContainsKey((repository.Id, number)) && !_pulls.ContainsKey((repository.Id, number)))
            {
                return null;
            }

            comment = new CommentView(++_nextCommentId, repository.Ref, number, body, author, [body], now, now);
            _comments[comment.Id] = comment;
        }

        changed.Pulse();
        return comment;
    }

    /// <summary>Edits a comment; null when the repository has no such comment.</summary>
    public CommentView? EditComment(RepoRecord repository, long id, string body, DateTimeOffset now)
    {
        CommentView updated;
        lock (_lock)
        {
            if (!_comments.TryGetValue(id, out var comment) || !comment.Repository.FullName.Equals(repository.FullName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            updated = comment with { Body = body, UpdatedAt = now, History = [.. comment.History, body] };
            _comments[id] = updated;
        }

        changed.Pulse();
        return updated;
    }

    /// <summary>Comments on one issue or pull request, oldest first.</summary>
    public IReadOnlyList<CommentView> CommentsOn(RepoRecord repository, int number)
    {
        lock (_lock)
        {
            return [.. _comments.Values
                .Where(c => c.IssueNumber == number && c.Repository.FullName.Equals(repository.FullName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Id)];
        }
    }

    /// <summary>Every issue, oldest first.</summary>
    public IReadOnlyList<IssueView> AllIssues()
    {
        lock (_lock)
        {
            return [.. _issues.Values.OrderBy(i => i.Id)];
        }
    }

    /// <summary>Every pull request, oldest first.</summary>
    public IReadOnlyList<PullRequestView> AllPullRequests()
    {
        lock (_lock)
        {
            return [.. _pulls.Values.OrderBy(p => p.Id)];
        }
    }

    /// <summary>Every comment, oldest first.</summary>
    public IReadOnlyList<CommentView> AllComments()
    {
        lock (_lock)
        {
            return [.. _comments.Values.OrderBy(c => c.Id)];
        }
    }

    private int NextNumber(RepoRecord repository)
    {
        var number = _lastNumber.GetValueOrDefault(repository.FullName) + 1;
        _lastNumber[repository.FullName] = number;
        return number;
    }
}
