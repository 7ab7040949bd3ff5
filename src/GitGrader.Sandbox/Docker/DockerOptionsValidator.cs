using Microsoft.Extensions.Options;

namespace GitGrader.Sandbox.Docker;

/// <summary>Checks <see cref="DockerOptions"/> at start, naming each bad key and its value.</summary>
internal sealed class DockerOptionsValidator : IValidateOptions<DockerOptions>
{
    private readonly string _key;

    public DockerOptionsValidator(string key) => _key = key;

    public ValidateOptionsResult Validate(string? name, DockerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!DockerEndpoint.TryParse(options.Endpoint, out _))
        {
            failures.Add($"{_key}:Endpoint: {DockerEndpoint.Problem(options.Endpoint)}");
        }

        if (!DockerEndpoint.IsValidApiVersion(options.ApiVersion))
        {
            failures.Add($"{_key}:ApiVersion '{options.ApiVersion}' is not a version: give one like 1.41, or leave it empty to speak the engine's own.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{_key}:RequestTimeout '{options.RequestTimeout}' must be positive, e.g. 00:01:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
