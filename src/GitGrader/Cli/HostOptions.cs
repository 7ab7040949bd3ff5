using System.CommandLine;
using System.Text.RegularExpressions;
using GitGrader.Classroom;
using GitGrader.Hosting;
using Microsoft.Extensions.Options;

namespace GitGrader.Cli;

/// <summary>Options shared by <c>serve</c> and <c>worker</c>.</summary>
internal static partial class HostOptions
{
    public static Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "JSON configuration file (default ./gitgrader.json when present). Sections: GitHub, Classroom, Storage, Worker, Summary, Webhook, Docker.",
    };

    public static Option<string?> Database { get; } = new("--database")
    {
        Description = "SQLite file (default gitgrader.db) or a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).",
    };

    public static Option<int?> Concurrency { get; } = new("--concurrency")
    {
        Description = "Submissions graded at once on this host (default: half the cores).",
    };

    public static HostSettings Settings(ParseResult parse) => new(
        parse.GetValue(Config),
        parse.GetValue(Database),
        parse.GetValue(Concurrency),
        parse.GetValue(CommonOptions.Verbose));

    /// <summary>True for configuration the host cannot start with: ours, or options validation (one section, or several at once).</summary>
    public static bool IsConfigurationError(Exception exception) => exception switch
    {
        ConfigurationException or OptionsValidationException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsConfigurationError),
        _ => false,
    };

    /// <summary>Every problem, one per line, each naming its key as configuration spells it.</summary>
    public static string Describe(Exception exception) => string.Join(Environment.NewLine + "       ", Problems(exception));

    private static IEnumerable<string> Problems(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Problems),
        OptionsValidationException validation => validation.Failures.Select(Unwrap),
        _ => [exception.Message],
    };

    /// <summary>DataAnnotations wraps our message (which names the key) in its own words; keep ours.</summary>
    private static string Unwrap(string failure) =>
        DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["message"].Value : failure;

    [GeneratedRegex("^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<message>.*)'\\.$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
