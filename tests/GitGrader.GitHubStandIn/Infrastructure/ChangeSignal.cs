namespace GitGrader.GitHubStandIn.Infrastructure;

/// <summary>Wakes every waiter when something observable changed (a request, a check run, a delivery…).</summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Pulse"/>; take it before looking at the state.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes the waiters.</summary>
    public void Pulse()
    {
        var previous = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }

    /// <summary>
    /// Re-evaluates <paramref name="probe"/> after every change until it returns a value, or throws a
    /// <see cref="TimeoutException"/> whose message is <paramref name="describe"/>'s account of what exists.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var changed = Next;
            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (probe() is { } late)
                {
                    return late;
                }

                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s. {describe()}");
            }
        }
    }
}
