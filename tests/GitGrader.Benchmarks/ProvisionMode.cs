using System.Diagnostics;
using System.Globalization;
using System.Text;
using GitGrader.AppTests.Support;
using GitGrader.Classroom;
using GitGrader.GitHubStandIn;
using GitGrader.Hosting;
using GitGrader.Provisioning;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.Benchmarks;

/// <summary>
/// <c>--provision N SCALE</c>: provisioning N students (default 500) of python-wordcount from its <c>starter/</c> against the
/// stand-in, as <c>gitgrader provision</c> does (the same services, in this process), with GitHub's documented secondary
/// limits on content creation simulated — 80 a minute and 500 an hour — with every window divided by SCALE (default 30), so
/// the run takes minutes; the figure for GitHub's real windows is the throttled part multiplied back. A run that ends with
/// failures (a wait beyond GitHub:MaxRateLimitWait) is run again, as an operator would, until every student is done.
/// </summary>
public static class ProvisionMode
{
    public static async Task<int> RunAsync(int students, int scale, CancellationToken cancellationToken)
    {
        var logins = Enumerable.Range(1, students).Select(i => string.Create(CultureInfo.InvariantCulture, $"student{i:D4}")).ToList();
        await using var scenario = await AppScenario.StartAsync(
            config => config["GitHub"]!["MaxRateLimitWait"] = "01:00:00",
            startServer: false,
            standIn: new StandInOptions { Permissions = StandInOptions.ProvisioningPermissions, ValidateResponses = false });
        var roster = new StringBuilder("\"identifier\",\"github_username\",\"github_id\",\"name\"\n");
        foreach (var login in logins)
        {
            roster.Append(CultureInfo.InvariantCulture, $"\"{login}@uni.example\",\"{login}\",\"\",\"\"\n");
            scenario.GitHub.AddUser(login);
        }

        await File.WriteAllTextAsync(Path.Combine(scenario.Course.Root, "roster.csv"), roster.ToString(), cancellationToken);
        scenario.GitHub.LimitContentCreation([(80, TimeSpan.FromMinutes(1) / scale), (500, TimeSpan.FromHours(1) / scale)]);
        Console.WriteLine($"Provisioning {students} students, GitHub's content-creation limits (80/min, 500/h) with windows divided by {scale}, {Environment.ProcessorCount} cores, {MachineLoad.Describe()}");

        using var host = await GitGraderHost.BuildProvisioningAsync(new HostSettings(new FileInfo(scenario.Course.ConfigFile), null, null, false), cancellationToken);
        var provisioner = host.Services.GetRequiredService<IRepositoryProvisioner>();
        var assignment = host.Services.GetRequiredService<Course>().Catalog.Find(CourseFolder.Slug)!;
        var clock = Stopwatch.StartNew();
        var remaining = logins;
        var runs = 0;
        while (remaining.Count > 0 && runs < 10)
        {
            runs++;
            var failed = new List<string>();
            foreach (var login in remaining)
            {
                try
                {
                    await provisioner.ProvisionAsync(assignment, login, null, cancellationToken);
                }
                catch (ProvisioningException ex)
                {
                    failed.Add(login);
                    Console.Error.WriteLine($"run {runs}: {login}: {ex.Message}");
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {runs}: {remaining.Count - failed.Count} done, {failed.Count} failed, {clock.Elapsed.TotalSeconds:F0} s so far"));
            remaining = failed;
        }

        var elapsed = clock.Elapsed;
        var requests = scenario.GitHub.Requests;
        var content = requests.Count(r => r.Method is "POST" or "PUT" && (r.Path.EndsWith("/generate", StringComparison.Ordinal) || r.Path.EndsWith("/repos", StringComparison.Ordinal) || r.Path.Contains("/collaborators/", StringComparison.Ordinal) || r.Path.EndsWith("/pulls", StringComparison.Ordinal)) && r.Status is >= 200 and < 300);
        var perStudent = elapsed.TotalSeconds / students;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {requests.Count} requests ({content} content-creating accepted, {scenario.GitHub.ContentCreationRefusals} refused by the simulated limit), {scenario.GitHub.PullRequests.Count} pull requests"));
        var throttled = TimeSpan.FromHours(1) * Math.Max(0, (content - 1) / 500);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT provision {students} students: {elapsed.TotalSeconds:F0} s with windows /{scale} ({perStudent * 1000:F0} ms a student), {runs} run(s); at GitHub's real windows the 500/h limit alone makes it at least {throttled.TotalHours:F0} h for {content} content-creating requests"));
        return remaining.Count == 0 && scenario.GitHub.PullRequests.Count == students ? 0 : 1;
    }
}
