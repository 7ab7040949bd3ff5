using GitGrader.Storage;

namespace GitGrader.Worker;

/// <summary>Renews a job's lease every third of its length while the job is worked on; cancels the work if the lease is lost.</summary>
public sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private LeaseKeeper(IJobQueue store, ClaimedJob job, TimeSpan lease, TimeProvider time, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Token = _stop.Token;
        _loop = RenewAsync(store, job, lease, time);
    }

    /// <summary>Cancelled when the lease is lost or the caller's token is.</summary>
    public CancellationToken Token { get; }

    /// <summary>True once a renewal found the lease taken.</summary>
    public bool Lost { get; private set; }

    /// <summary>Starts renewing.</summary>
    public static LeaseKeeper Start(IJobQueue store, ClaimedJob job, TimeSpan lease, TimeProvider time, CancellationToken cancellationToken) =>
        new(store, job, lease, time, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RenewAsync(IJobQueue store, ClaimedJob job, TimeSpan lease, TimeProvider time)
    {
        var period = lease / 3;
        while (!Token.IsCancellationRequested)
        {
            await Task.Delay(period, time, Token).ConfigureAwait(false);
            bool renewed;
            try
            {
                renewed = await store.RenewLeaseAsync(job.Id, job.LeaseOwner, lease, Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store is briefly unreachable: the lease still has two thirds to run; try again.
                continue;
            }

            if (!renewed)
            {
                Lost = true;
                await _stop.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }
}
