using System.ComponentModel.DataAnnotations;

namespace GitGrader.Ingest;

/// <summary>The webhook endpoint (configuration section <c>Webhook</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "Webhook";

    /// <summary>Largest body accepted; GitHub caps deliveries at 25 MB, and a push of 20 commits is a few hundred KB.</summary>
    [Range(1024, 26_214_400, ErrorMessage = "Webhook:MaxBodyBytes must be between 1 KiB and 25 MiB.")]
    public int MaxBodyBytes { get; set; } = 5 * 1024 * 1024;
}
