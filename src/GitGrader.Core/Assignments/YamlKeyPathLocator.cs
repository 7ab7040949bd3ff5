using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitGrader.Core.Assignments;

/// <summary>
/// Finds the dotted path (<c>tests[1].points</c>) of the mapping key that starts at a given mark, by walking the
/// parser's events; used to name the key of a "duplicate key" error, which YamlDotNet reports by position only.
/// </summary>
internal static class YamlKeyPathLocator
{
    /// <summary>The path of the key at <paramref name="mark"/>, or null when none starts there.</summary>
    public static string? Find(string text, Mark mark)
    {
        // Each open collection: its path, and for a mapping whether the next node is a key and which key is open;
        // for a list, the index of the next item.
        var frames = new Stack<(string Path, bool IsMapping, bool ExpectingKey, string? Key, int Index)>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var current = parser.Current;
                switch (current)
                {
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        Completed(frames);
                        continue;
                    case DocumentStart or DocumentEnd:
                        frames.Clear();
                        continue;
                    case not NodeEvent:
                        continue;
                }

                if (frames.Count > 0 && frames.Peek() is { IsMapping: true, ExpectingKey: true } mapping)
                {
                    if (current is not Scalar { Value: var name })
                    {
                        return null; // a list or mapping as a key: not something an assignment file has
                    }

                    if (current.Start.Line == mark.Line && current.Start.Column == mark.Column)
                    {
                        return Join(mapping.Path, name);
                    }

                    frames.Pop();
                    frames.Push(mapping with { ExpectingKey = false, Key = name });
                    continue;
                }

                var path = frames.Count == 0
                    ? string.Empty
                    : frames.Peek() is { IsMapping: true } parent ? Join(parent.Path, parent.Key ?? "?") : $"{frames.Peek().Path}[{frames.Peek().Index}]";
                if (current is MappingStart or SequenceStart)
                {
                    frames.Push((path, current is MappingStart, true, null, 0));
                }
                else
                {
                    Completed(frames);
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }

    private static void Completed(Stack<(string Path, bool IsMapping, bool ExpectingKey, string? Key, int Index)> frames)
    {
        if (frames.Count == 0)
        {
            return;
        }

        var top = frames.Pop();
        frames.Push(top.IsMapping ? top with { ExpectingKey = true, Key = null } : top with { Index = top.Index + 1 });
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
