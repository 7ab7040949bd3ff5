using System.Text.RegularExpressions;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// What an image build printed, read as it goes: the layers it made (not those it took from the cache) and the
/// output of the step that ran last, so a failed build can be described by its own words and cleaned up after.
/// A line starting <c>gitgrader: </c> (printed by the recipe's own scripts) is the failure's summary.
/// </summary>
internal sealed partial class BuildTranscript
{
    private const string SummaryPrefix = "gitgrader: ";
    private readonly int _tail;
    private readonly List<string> _layers = [];
    private readonly Queue<string> _stepOutput = new();
    private bool _afterCacheHit;

    public BuildTranscript(int tail) => _tail = tail;

    /// <summary>Ids of the layers the build made, in order.</summary>
    public IReadOnlyList<string> LayersMade => _layers;

    /// <summary>The failure's own summary line, when the recipe printed one.</summary>
    public string? Summary { get; private set; }

    /// <summary>The last lines the last step printed (not the builder's own lines).</summary>
    public IReadOnlyCollection<string> StepOutput => _stepOutput;

    public void Observe(string line)
    {
        // The classic builder colours a step's stderr (ESC[91m … ESC[0m): the colours are dropped, not shown as codes.
        line = Colour().Replace(line, string.Empty);
        if (line.Length == 0)
        {
            return;
        }

        if (line.StartsWith(SummaryPrefix, StringComparison.Ordinal))
        {
            Summary = line[SummaryPrefix.Length..];
            return;
        }

        // The id after a cache hit is an earlier build's layer, and after FROM the base image's: neither is this build's.
        if (line == " ---> Using cache")
        {
            _afterCacheHit = true;
            return;
        }

        if (FromLine().IsMatch(line))
        {
            _afterCacheHit = true;
            _stepOutput.Clear();
            return;
        }

        if (LayerLine().Match(line) is { Success: true } layer)
        {
            if (!_afterCacheHit)
            {
                _layers.Add(layer.Groups["id"].Value);
            }

            _afterCacheHit = false;
            return;
        }

        if (line.StartsWith(" ---> Running in ", StringComparison.Ordinal) || StepLine().IsMatch(line))
        {
            _stepOutput.Clear();
            return;
        }

        if (line.StartsWith("Removing intermediate container ", StringComparison.Ordinal))
        {
            return;
        }

        _stepOutput.Enqueue(line);
        if (_stepOutput.Count > _tail)
        {
            _stepOutput.Dequeue();
        }
    }

    /// <summary>The message of a failed build of <paramref name="tag"/>: the summary (else the engine's words), then the step's output.</summary>
    public string Describe(string tag, string engineMessage)
    {
        var head = $"Building image {tag} failed: {Summary ?? engineMessage}";
        return _stepOutput.Count == 0 ? head : $"{head}\nIts output (last {_stepOutput.Count} lines):\n{string.Join('\n', _stepOutput)}";
    }

    [GeneratedRegex(@"^ ---> (?<id>[0-9a-f]{12,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex LayerLine();

    [GeneratedRegex(@"\x1b\[[0-9;]*m", RegexOptions.CultureInvariant)]
    private static partial Regex Colour();

    [GeneratedRegex(@"^Step \d+/\d+ : FROM ", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^Step \d+/\d+ : ", RegexOptions.CultureInvariant)]
    private static partial Regex StepLine();
}
