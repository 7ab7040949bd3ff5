using GitGrader.Provisioning;

namespace GitGrader.Web.Invitations;

/// <summary>One student's repository being made for an invitation link, in the background; its steps are what the progress page lists. Thread-safe.</summary>
public sealed class ProvisioningJob : IProgress<string>
{
    private readonly Lock _lock = new();
    private readonly List<string> _steps = [];
    private ProvisioningJobState _state = ProvisioningJobState.Running;
    private ProvisionedRepository? _repository;
    private string? _failure;

    /// <summary>Creates the job.</summary>
    public ProvisioningJob(string slug, string login)
    {
        Slug = slug;
        Login = login;
    }

    /// <summary>The assignment.</summary>
    public string Slug { get; }

    /// <summary>The signed-in student.</summary>
    public string Login { get; }

    /// <summary>Where it is.</summary>
    public ProvisioningJobState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>The repository, once done.</summary>
    public ProvisionedRepository? Repository
    {
        get
        {
            lock (_lock)
            {
                return _repository;
            }
        }
    }

    /// <summary>What went wrong and what to do (safe to show the student), once failed.</summary>
    public string? Failure
    {
        get
        {
            lock (_lock)
            {
                return _failure;
            }
        }
    }

    /// <summary>The steps reported so far.</summary>
    public IReadOnlyList<string> Steps
    {
        get
        {
            lock (_lock)
            {
                return [.. _steps];
            }
        }
    }

    /// <inheritdoc />
    public void Report(string value)
    {
        lock (_lock)
        {
            _steps.Add(value);
        }
    }

    /// <summary>Marks the job done.</summary>
    public void Complete(ProvisionedRepository repository)
    {
        lock (_lock)
        {
            _repository = repository;
            _state = ProvisioningJobState.Done;
        }
    }

    /// <summary>Marks the job failed with a message for the student.</summary>
    public void Fail(string message)
    {
        lock (_lock)
        {
            _failure = message;
            _state = ProvisioningJobState.Failed;
        }
    }
}
