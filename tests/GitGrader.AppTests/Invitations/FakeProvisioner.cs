using System.Collections.Concurrent;
using GitGrader.AppTests.Support;
using GitGrader.Core.Assignments;
using GitGrader.GitHub;
using GitGrader.Provisioning;

namespace GitGrader.AppTests.Invitations;

/// <summary>A fake of our <see cref="IRepositoryProvisioner"/>: records each call, can hold a call open, or fail the next ones.</summary>
public sealed class FakeProvisioner : IRepositoryProvisioner
{
    private readonly ConcurrentDictionary<string, bool> _made = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>When set, each call reports a step then waits for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, calls throw a permanent <see cref="ProvisioningException"/> with this message.</summary>
    public string? FailWith { get; set; }

    /// <summary>How many of the next calls throw a <see cref="ProvisioningException"/> that may pass (GitHub busy).</summary>
    public int TransientFailures { get; set; }

    public async Task<ProvisionedRepository> ProvisionAsync(Assignment assignment, string login, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        Calls.Enqueue(login);
        progress?.Report("Creating the repository");
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailWith is { } message)
        {
            throw new ProvisioningException(message, isPermanent: true);
        }

        if (TransientFailures > 0)
        {
            TransientFailures--;
            throw new ProvisioningException("GitHub is busy; trying again.", isPermanent: false);
        }

        var name = $"{assignment.Slug}-{login}";
        var created = _made.TryAdd(name, true);
        progress?.Report("Adding you as a collaborator");
        return new ProvisionedRepository(new RepositoryRef(CourseFolder.Organization, name), new Uri($"https://github.example/{CourseFolder.Organization}/{name}"), created);
    }
}
