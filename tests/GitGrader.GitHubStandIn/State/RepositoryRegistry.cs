namespace GitGrader.GitHubStandIn.State;

/// <summary>The repositories, by case-insensitive <c>owner/name</c> as on GitHub. Thread-safe.</summary>
internal sealed class RepositoryRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RepoRecord> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<long> _templates = [];
    private long _nextId = 610_000_000;

    /// <summary>Registers a repository; throws when the name is taken.</summary>
    public RepoRecord Add(string owner, string name, long installationId, string defaultBranch, DateTimeOffset now)
    {
        lock (_lock)
        {
            var key = $"{owner}/{name}";
            if (_byName.ContainsKey(key))
            {
                throw new InvalidOperationException($"The repository {key} already exists on the stand-in.");
            }

            var record = new RepoRecord(++_nextId, owner, name, installationId, defaultBranch, now);
            _byName[key] = record;
            return record;
        }
    }

    /// <summary>Marks the repository a template repository (or not).</summary>
    public void SetTemplate(RepoRecord repository, bool isTemplate)
    {
        lock (_lock)
        {
            if (isTemplate)
            {
                _templates.Add(repository.Id);
            }
            else
            {
                _templates.Remove(repository.Id);
            }
        }
    }

    /// <summary>True for a template repository.</summary>
    public bool IsTemplate(RepoRecord repository)
    {
        lock (_lock)
        {
            return _templates.Contains(repository.Id);
        }
    }

    /// <summary>The repository, or null.</summary>
    public RepoRecord? Find(string owner, string name)
    {
        lock (_lock)
        {
            return _byName.GetValueOrDefault($"{owner}/{name}");
        }
    }

    /// <summary>The repository, or an exception naming the ones that exist.</summary>
    public RepoRecord Get(string owner, string name) =>
        Find(owner, name) ?? throw new InvalidOperationException($"No repository {owner}/{name} on the stand-in (there are: {string.Join(", ", All().Select(r => r.FullName))}); create it with CreateRepositoryAsync.");

    /// <summary>Every repository.</summary>
    public IReadOnlyList<RepoRecord> All()
    {
        lock (_lock)
        {
            return [.. _byName.Values.OrderBy(r => r.Id)];
        }
    }
}
