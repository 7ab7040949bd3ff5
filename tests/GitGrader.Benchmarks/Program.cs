using System.Globalization;
using BenchmarkDotNet.Running;
using GitGrader.Benchmarks;

// --quick N    N stopwatch-timed grades each way, a few lines for CI logs (no BenchmarkDotNet).
// --profile N  where GitGrader's time goes, call by call, measured around the sandbox.
// otherwise    BenchmarkDotNet, e.g. --filter '*'.
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
