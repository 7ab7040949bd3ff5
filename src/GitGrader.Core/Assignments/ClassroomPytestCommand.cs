using System.Text;

namespace GitGrader.Core.Assignments;

/// <summary>
/// Reads a Classroom <c>run</c> command that runs pytest (<c>pytest …</c>, <c>py.test …</c>, <c>python3 -m pytest …</c>,
/// <c>python -m pytest …</c>) into a <see cref="ClassroomPytest"/>, conservatively: only plain words and quotes, only
/// options whose meaning GitGrader keeps, only test paths under <c>hidden/</c>. Anything else is run as written.
/// </summary>
internal static class ClassroomPytestCommand
{
    private const string ShellSyntax = "|&;<>()$`\\*?[]{}~#!\n\r";

    // Options that take no value, and the letters of short flags that may be bundled (-qx, -vs).
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "--quiet", "--verbose", "--exitfirst", "--showlocals", "--disable-warnings", "--disable-pytest-warnings",
        "--strict-markers", "--strict", "--no-header", "--no-summary", "--full-trace", "--runxfail",
    };

    private const string BundledLetters = "qvxsl";

    // Options that take one value, separate or after '=' (long) or joined (short).
    private static readonly HashSet<string> Valued = new(StringComparer.Ordinal)
    {
        "--tb", "--maxfail", "-k", "-m", "--durations", "--durations-min", "--color", "--capture", "-W", "-r", "--timeout", "-p",
    };

    private static readonly string[] OtherIniFiles = ["pyproject.toml", "tox.ini", "setup.cfg"];

    /// <summary>
    /// Null when <paramref name="run"/> does not run pytest at all. Otherwise either the hardened form, or
    /// why it runs as written (<paramref name="reason"/>).
    /// </summary>
    /// <param name="hiddenDirectory">The assignment's <c>hidden/</c> folder (absent: nothing is the instructor's).</param>
    public static ClassroomPytest? TryRead(string run, string hiddenDirectory, out string? reason)
    {
        reason = null;
        var words = Split(run, out var syntax);
        var rest = words is null ? null : PytestArguments(words);
        if (rest is null)
        {
            // Not pytest, or not plain enough to tell: shell syntax around a pytest run is worth a word.
            reason = syntax && run.Contains("pytest", StringComparison.Ordinal) ? "it uses shell syntax (pipes, &&, ;, $, globs, redirections) GitGrader does not take apart" : null;
            return null;
        }

        var options = new List<string>();
        var paths = new List<string>();
        var usesTimeout = false;
        for (var i = 0; i < rest.Count; i++)
        {
            var word = rest[i];
            if (word == "--")
            {
                paths.AddRange(rest.Skip(i + 1));
                break;
            }

            if (!word.StartsWith('-') || word == "-")
            {
                paths.Add(word);
                continue;
            }

            if (Flags.Contains(word) || (word.Length > 1 && word[1] != '-' && word[1..].All(c => BundledLetters.Contains(c, StringComparison.Ordinal))))
            {
                options.Add(word);
                continue;
            }

            var (name, value) = SplitOption(word);
            if (!Valued.Contains(name))
            {
                reason = $"the option '{word}' is not one GitGrader maps (only output, selection and -p no:… options are)";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= rest.Count)
                {
                    reason = $"the option '{word}' has no value";
                    return null;
                }

                value = rest[++i];
            }

            if (name == "-p")
            {
                if (!value.StartsWith("no:", StringComparison.Ordinal))
                {
                    reason = $"it loads the plugin '{value}' (-p), which GitGrader does not load";
                    return null;
                }

                if (value == "no:cacheprovider")
                {
                    continue; // always given
                }
            }

            usesTimeout |= name == "--timeout";
            options.Add(name.StartsWith("--", StringComparison.Ordinal) ? $"{name}={value}" : name + value);
        }

        return Targets(paths, hiddenDirectory, out reason) is { } targets && TestsFolder(targets, hiddenDirectory, out reason) is { } folder
            && Ini(hiddenDirectory, out reason) is var (ok, ini) && ok
            ? new ClassroomPytest(options, targets, folder, ini, usesTimeout)
            : null;
    }

    /// <summary>The words after the program, when the command runs pytest; null otherwise.</summary>
    private static List<string>? PytestArguments(List<string> words)
    {
        if (words.Count >= 1 && words[0] is "pytest" or "py.test")
        {
            return words[1..];
        }

        return words.Count >= 3 && words[0] is "python" or "python3" && words[1] == "-m" && words[2] == "pytest" ? words[3..] : null;
    }

    /// <summary>The shell words of <paramref name="run"/>, or null (with <paramref name="syntax"/> set) when it is more than plain words and quotes.</summary>
    private static List<string>? Split(string run, out bool syntax)
    {
        syntax = false;
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < run.Length; i++)
        {
            var c = run[i];
            if (c is ' ' or '\t')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c is '\'' or '"')
            {
                var end = run.IndexOf(c, i + 1);
                var quoted = end < 0 ? null : run[(i + 1)..end];
                if (quoted is null || (c == '"' && quoted.IndexOfAny(['$', '`', '\\', '!']) >= 0))
                {
                    syntax = true;
                    return null;
                }

                word.Append(quoted);
                i = end;
                continue;
            }

            if (ShellSyntax.Contains(c, StringComparison.Ordinal) || (c == '=' && words.Count == 0 && word.Length > 0 && !word.ToString().StartsWith('-')))
            {
                // An environment assignment before the program (NAME=value pytest) counts as shell syntax too.
                syntax = true;
                return null;
            }

            word.Append(c);
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static (string Name, string? Value) SplitOption(string word)
    {
        if (word.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            return equals < 0 ? (word, null) : (word[..equals], word[(equals + 1)..]);
        }

        return word.Length > 2 ? (word[..2], word[2..]) : (word, null);
    }

    /// <summary>The paths relative to <c>hidden/</c>, each naming a file or folder there; null (with a reason) when one does not.</summary>
    private static List<string>? Targets(List<string> paths, string hiddenDirectory, out string? reason)
    {
        reason = null;
        if (!Directory.Exists(hiddenDirectory))
        {
            reason = "the assignment has no hidden/ folder, so the test files it runs are the student's";
            return null;
        }

        var targets = new List<string>();
        foreach (var raw in paths)
        {
            var cut = raw.IndexOf("::", StringComparison.Ordinal);
            var path = (cut < 0 ? raw : raw[..cut]).Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            path = path.TrimEnd('/');
            var names = path.Split('/');
            var full = Path.Combine(hiddenDirectory, path);
            if (path.StartsWith('/') || names.Any(n => n is ".." or "") && path.Length > 0 || !(File.Exists(full) || Directory.Exists(full)) || !IsPlain(full, hiddenDirectory))
            {
                reason = $"'{raw}' is not a file or folder of hidden/, so the student's copy of it would run; move it into hidden/";
                return null;
            }

            targets.Add(cut < 0 ? path : path + raw[cut..]);
        }

        return targets.Count == 0 ? [string.Empty] : targets;
    }

    /// <summary>No link on the way from <paramref name="hiddenDirectory"/> to <paramref name="full"/>: hidden/ is staged without links.</summary>
    private static bool IsPlain(string full, string hiddenDirectory)
    {
        for (var at = new DirectoryInfo(full); at.FullName.Length > Path.TrimEndingDirectorySeparator(Path.GetFullPath(hiddenDirectory)).Length; at = at.Parent!)
        {
            if (at.LinkTarget is not null || (File.Exists(at.FullName) && new FileInfo(at.FullName).LinkTarget is not null))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The one folder the test modules run lie in (relative to hidden/); null (with a reason) when they lie in several.</summary>
    private static string? TestsFolder(List<string> targets, string hiddenDirectory, out string? reason)
    {
        reason = null;
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var path = target.Contains("::", StringComparison.Ordinal) ? target[..target.IndexOf("::", StringComparison.Ordinal)] : target;
            var full = path.Length == 0 ? hiddenDirectory : Path.Combine(hiddenDirectory, path);
            if (File.Exists(full))
            {
                folders.Add(ParentOf(path));
                continue;
            }

            var tests = Directory.EnumerateFiles(full, "*.py", new EnumerationOptions { RecurseSubdirectories = true })
                .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("test_", StringComparison.Ordinal) || n.EndsWith("_test.py", StringComparison.Ordinal)))
                .Select(f => Path.GetRelativePath(hiddenDirectory, f).Replace('\\', '/'))
                .ToList();
            if (tests.Count == 0)
            {
                folders.Add(path);
            }

            foreach (var test in tests)
            {
                folders.Add(ParentOf(test));
            }
        }

        if (folders.Count > 1)
        {
            reason = $"its test modules lie in several folders ({string.Join(", ", folders.Select(f => f.Length == 0 ? "hidden/" : f + "/"))}), and GitGrader puts one on sys.path";
            return null;
        }

        return folders.Min ?? string.Empty;
    }

    private static (bool Ok, string? Ini) Ini(string hiddenDirectory, out string? reason)
    {
        reason = null;
        if (File.Exists(Path.Combine(hiddenDirectory, "pytest.ini")))
        {
            return (true, "pytest.ini");
        }

        if (OtherIniFiles.FirstOrDefault(f => File.Exists(Path.Combine(hiddenDirectory, f))) is { } other)
        {
            reason = $"hidden/{other} may configure pytest, and GitGrader reads only a hidden/pytest.ini";
            return (false, null);
        }

        return (true, null);
    }

    private static string ParentOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : string.Empty;
}
