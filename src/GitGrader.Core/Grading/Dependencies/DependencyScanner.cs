using System.Text.RegularExpressions;
using GitGrader.Core.Assignments;

namespace GitGrader.Core.Grading.Dependencies;

/// <summary>
/// Finds the dependency installs in an assignment's setup commands (the assignment's <c>setup</c>, each test's
/// <c>setup</c>): the simple commands, split at newlines, <c>&amp;&amp;</c>, <c>||</c> and <c>;</c>, that run npm's,
/// pip's, apt's or Maven's install, with a leading <c>sudo</c> (and its options) or variable assignments dropped.
/// A Maven build in a test's own command (Classroom's <c>command: mvn -B test -Dtest=X</c>) resolves its plugins and
/// dependencies there, so it counts too; nothing else in a test's command does (<c>npm test</c> installs nothing).
/// </summary>
public static partial class DependencyScanner
{
    /// <summary>The installs of <paramref name="assignment"/>, in the order setup runs them, each once.</summary>
    public static IReadOnlyList<DependencyInstall> Scan(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var found = new List<DependencyInstall>();
        Add(found, assignment.Setup, "the assignment's setup");
        foreach (var test in assignment.Tests)
        {
            Add(found, test.Setup, $"the setup of test '{test.Name}'");
        }

        foreach (var test in assignment.Tests)
        {
            Add(found, test.Run, $"the command of test '{test.Name}'", DependencyManager.Maven);
        }

        return found.DistinctBy(i => (i.Manager, i.Command)).ToList();
    }

    /// <summary>The install <paramref name="command"/> (one simple command) runs, or null when it installs nothing.</summary>
    public static DependencyManager? Classify(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = Words(command);
        if (words.Count < 2)
        {
            return words.Count == 1 && words[0] == "mvn" ? DependencyManager.Maven : null;
        }

        return (words[0], words[1]) switch
        {
            ("npm", "install" or "i" or "ci" or "add") => DependencyManager.Npm,
            ("pip" or "pip3", "install") => DependencyManager.Pip,
            ("python" or "python3", "-m") when words.Count >= 4 && words[2] == "pip" && words[3] == "install" => DependencyManager.Pip,
            ("apt-get" or "apt", "install") => DependencyManager.Apt,
            ("apt-get" or "apt", _) when words.Skip(1).Contains("install") => DependencyManager.Apt,
            ("mvn" or "./mvnw", _) => DependencyManager.Maven,
            _ => null,
        };
    }

    /// <summary><paramref name="command"/> without a leading <c>sudo</c> (and its options) or <c>NAME=value</c> assignments, its words joined by single spaces.</summary>
    public static string WithoutPrefix(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        if (words.Length > 0 && words[0] == "sudo")
        {
            start = 1;
            while (start < words.Length && words[start].StartsWith('-'))
            {
                start += words[start] is "-u" or "-g" or "-C" or "-D" ? 2 : 1;
            }
        }

        while (start < words.Length && VariableAssignment().IsMatch(words[start]))
        {
            start++;
        }

        return string.Join(' ', words.Skip(start));
    }

    private static void Add(List<DependencyInstall> found, string? setup, string where, DependencyManager? only = null)
    {
        if (string.IsNullOrWhiteSpace(setup))
        {
            return;
        }

        foreach (var part in Separator().Split(setup))
        {
            var command = WithoutPrefix(part.Trim().TrimStart('{', '(').TrimEnd('}', ')').Trim());
            if (command.Length > 0 && Classify(command) is { } manager && (only is null || manager == only))
            {
                found.Add(new DependencyInstall(manager, command, where));
            }
        }
    }

    private static List<string> Words(string command) =>
        WithoutPrefix(command).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'', '"')).ToList();

    [GeneratedRegex(@"\r?\n|&&|\|\||;", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=", RegexOptions.CultureInvariant)]
    private static partial Regex VariableAssignment();
}
