using GitGrader.Core.Grading.Dependencies;
using Microsoft.Extensions.Options;

namespace GitGrader.Hosting;

/// <summary>Checks <see cref="DependencyOptions"/> at start, naming each bad key and its value.</summary>
internal sealed class DependencyOptionsValidator : IValidateOptions<DependencyOptions>
{
    public ValidateOptionsResult Validate(string? name, DependencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems(DependencyOptions.ConfigurationKey);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
