using System.Globalization;
using BenchmarkDotNet.Running;
using GitGrader.Benchmarks;

// --quick N    N stopwatch-timed grades each way, a few lines for CI logs (no BenchmarkDotNet).
// --profile N  where GitGrader's time goes, call by call, measured around the sandbox.
// --webhooks [RATE] [SECONDS]  wrk against a real `gitgrader serve`: webhook → 202 latency at RATE deliveries/s (default 200, 30 s), pushes of real commits.
// --webhooks-unknown [RATE] [SECONDS]  the same with pushes of commits the stand-in does not have (the announcer's create is refused at once).
// --push-latency N             N student pushes until the completed check run, idle worker.
// --burst [N] [SLOTS]          a deadline: N students (default 1000) push within seconds; SQLite one process grading SLOTS at once (default: cores), then PostgreSQL with two workers, SLOTS/2 each.
// --provision [N] [SCALE]      N students (default 500) provisioned against the stand-in with GitHub's secondary limits (80/min, 500/h), windows divided by SCALE (default 30).
// --staging [FILES]            a FILES-file submission (default 3000) fetched and staged from git: bare repository + tree read against checkout + folder walk.
// otherwise    BenchmarkDotNet, e.g. --filter '*'.
if (args.Length > 0 && args[0] is "--webhooks" or "--webhooks-unknown" or "--push-latency" or "--staging" or "--burst" or "--provision")
{
    var numbers = args.Skip(1).Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1).ToArray();
    if (numbers.Any(n => n < 0))
    {
        Console.Error.WriteLine($"{args[0]} takes positive whole numbers, not '{string.Join(' ', args.Skip(1))}'.");
        return 2;
    }

    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return args[0] switch
    {
        "--webhooks" or "--webhooks-unknown" => await WebhookLoadMode.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var rate ? rate : 200, numbers.ElementAtOrDefault(1) is > 0 and var seconds ? seconds : 30, realCommits: args[0] == "--webhooks", stop.Token),
        "--staging" => await StagingMode.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var files ? files : 3000, stop.Token),
        "--provision" => await ProvisionMode.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var count ? count : 500, numbers.ElementAtOrDefault(1) is > 0 and var scale ? scale : 30, stop.Token),
        "--burst" => await BurstMode.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var students ? students : 1000, numbers.ElementAtOrDefault(1) is > 0 and var slots ? slots : Environment.ProcessorCount, stop.Token),
        _ => await PushLatencyMode.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var pushes ? pushes : 20, stop.Token),
    };
}

if (args.Length > 0 && args[0] is "--quick" or "--profile")
{
    var count = 10;
    if (args.Length > 1 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
    {
        Console.Error.WriteLine($"{args[0]} takes a positive number of grades, not '{args[1]}'.");
        return 2;
    }

    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    return args[0] == "--quick"
        ? await QuickMode.RunAsync(count, cancel.Token)
        : await ProfileMode.RunAsync(count, cancel.Token);
}

BenchmarkSwitcher.FromAssembly(typeof(GradingBenchmarks).Assembly).Run(args);
return 0;
