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

        if (!IsValidRuntimeName(options.Runtime))
        {
            failures.Add($"{_key}:Runtime '{options.Runtime}' is not a runtime name: give the name the engine registered it with (letters, digits, '.', '_', '-'; e.g. runsc), or leave it empty for the engine's default (runc).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Empty, or a name such as <c>runsc</c> or <c>io.containerd.runc.v2</c>: at most 64 of letters, digits, '.', '_', '-', starting with a letter or digit.</summary>
    internal static bool IsValidRuntimeName(string? runtime) =>
        runtime is not null && (runtime.Length == 0
            || (runtime.Length <= 64 && char.IsAsciiLetterOrDigit(runtime[0]) && runtime.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')));
}
