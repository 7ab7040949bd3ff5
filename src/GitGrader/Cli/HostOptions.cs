using System.CommandLine;
using GitGrader.Classroom;
using GitGrader.Hosting;
using Microsoft.Extensions.Options;

namespace GitGrader.Cli;

/// <summary>Options shared by <c>serve</c> and <c>worker</c>.</summary>
internal static class HostOptions
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

    public static bool IsConfigurationError(Exception exception) => exception is ConfigurationException or OptionsValidationException;

    public static string Describe(Exception exception) => exception is OptionsValidationException validation
        ? string.Join(Environment.NewLine + "       ", validation.Failures)
        : exception.Message;
}
