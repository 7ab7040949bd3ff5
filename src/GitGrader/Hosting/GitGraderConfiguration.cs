using GitGrader.Classroom;
using Microsoft.Extensions.Configuration;

namespace GitGrader.Hosting;

/// <summary>
/// Configuration for <c>serve</c> and <c>worker</c>, later sources winning: a JSON file
/// (<c>--config</c>, else <c>./gitgrader.json</c>), environment variables prefixed <c>GITGRADER_</c>
/// (<c>GITGRADER_GitHub__AppId=123</c>), then the command-line flags.
/// </summary>
public static class GitGraderConfiguration
{
    /// <summary>The default file, read when present.</summary>
    public const string DefaultFileName = "gitgrader.json";

    /// <summary>Adds GitGrader's sources to <paramref name="configuration"/>.</summary>
    /// <exception cref="ConfigurationException">The file given does not exist or is not valid JSON.</exception>
    public static void AddSources(IConfigurationBuilder configuration, HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        var file = settings.ConfigFile?.FullName ?? Path.GetFullPath(DefaultFileName);
        if (settings.ConfigFile is not null && !File.Exists(file))
        {
            throw new ConfigurationException($"--config: '{file}' does not exist.");
        }

        if (File.Exists(file))
        {
            try
            {
                // Parse now, so a typo is reported with the file's name before anything starts.
                using var stream = File.OpenRead(file);
                new ConfigurationBuilder().AddJsonStream(stream).Build();
            }
            catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidDataException)
            {
                throw new ConfigurationException($"{file}: not valid JSON configuration: {ex.Message}", ex);
            }

            configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables("GITGRADER_");
        var overrides = new Dictionary<string, string?>();
        if (settings.Database is { } database)
        {
            overrides["Storage:Database"] = database;
        }

        if (settings.Concurrency is { } concurrency)
        {
            overrides["Worker:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        configuration.AddInMemoryCollection(overrides);
    }
}
