using GitGrader.Hosting;
using Microsoft.Extensions.Options;

namespace GitGrader.AppTests.Integration;

/// <summary>What stops <c>gitgrader serve</c> from starting on a configuration file: each failure its options validation names.</summary>
internal static class ServeStartFailures
{
    /// <summary>Builds serve on <paramref name="configFile"/>, which must fail, and returns the failures it gives (or the whole error).</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(string configFile)
    {
        var settings = new HostSettings(new FileInfo(configFile), null, null, false);
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () => await (await GitGraderHost.BuildServerAsync(settings, [], CancellationToken.None)).DisposeAsync());
        return ex switch
        {
            OptionsValidationException validation => [.. validation.Failures],
            AggregateException aggregate => [.. aggregate.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures)],
            _ => [ex.ToString()],
        };
    }
}
