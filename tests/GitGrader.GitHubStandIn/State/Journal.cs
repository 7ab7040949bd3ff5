using GitGrader.GitHubStandIn.Infrastructure;

namespace GitGrader.GitHubStandIn.State;

/// <summary>What happened: requests, violations and webhook deliveries, in order. Thread-safe.</summary>
internal sealed class Journal(ChangeSignal changed)
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<ApiViolation> _violations = [];
    private readonly List<WebhookDeliveryView> _deliveries = [];

    /// <summary>Records a request.</summary>
    public void Add(RecordedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }

        changed.Pulse();
    }

    /// <summary>Records a violation.</summary>
    public void Add(ApiViolation violation)
    {
        lock (_lock)
        {
            _violations.Add(violation);
        }

        changed.Pulse();
    }

    /// <summary>Records a delivery attempt.</summary>
    public void Add(WebhookDeliveryView delivery)
    {
        lock (_lock)
        {
            _deliveries.Add(delivery);
        }

        changed.Pulse();
    }

    /// <summary>Requests so far.</summary>
    public IReadOnlyList<RecordedRequest> Requests()
    {
        lock (_lock)
        {
            return [.. _requests];
        }
    }

    /// <summary>Violations so far.</summary>
    public IReadOnlyList<ApiViolation> Violations()
    {
        lock (_lock)
        {
            return [.. _violations];
        }
    }

    /// <summary>Deliveries so far.</summary>
    public IReadOnlyList<WebhookDeliveryView> Deliveries()
    {
        lock (_lock)
        {
            return [.. _deliveries];
        }
    }
}
