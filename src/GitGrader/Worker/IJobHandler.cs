using GitGrader.Storage;

namespace GitGrader.Worker;

/// <summary>
/// Works the jobs of one <see cref="JobKind"/>. <see cref="JobProcessor"/> holds the lease, picks the handler by kind, marks
/// the job done when <see cref="HandleAsync"/> returns, and applies the one failure rule (<see cref="JobFailurePolicy"/>)
/// when it throws; the handler then shows what the failure means where the student looks. A new kind of job is a new
/// handler registered beside these.
/// </summary>
public interface IJobHandler
{
    /// <summary>The kind of job this handler works.</summary>
    JobKind Kind { get; }

    /// <summary>Works <paramref name="job"/> to its end. Every step must be safe to repeat: a job claimed again after a crash runs this again.</summary>
    Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Shows what a failed try of <paramref name="job"/> means (it is tried again at <see cref="FailureDecision.RetryAt"/>, or has ended);
    /// the store already records it. May throw when GitHub or the store is down too: the caller logs it.
    /// </summary>
    Task ShowFailureAsync(ClaimedJob job, FailureDecision decision, string message, CancellationToken cancellationToken);
}
