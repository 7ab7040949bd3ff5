using System.Formats.Tar;
using System.Runtime.InteropServices;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Sandbox.Docker;

/// <summary>Writes a <see cref="StagedTree"/> as a tar archive carrying the owners and modes the sandbox relies on.</summary>
internal static class TarBuilder
{
    private const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Executable = File | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static MemoryStream Build(StagedTree tree)
    {
        var output = new MemoryStream(capacity: (int)Math.Min(int.MaxValue, tree.ContentBytes + (tree.Entries.Count * 1024L) + 4096));
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            var mtime = DateTimeOffset.UtcNow;
            foreach (var entry in tree.Entries)
            {
                var owner = entry.Owner == StagedOwner.Student ? SandboxUsers.StudentId : 0;
                var isDirectory = entry.Kind == StagedEntryKind.Directory;
                var name = isDirectory ? entry.RelativePath.TrimEnd('/') + "/" : entry.RelativePath;
                var tarEntry = new PaxTarEntry(isDirectory ? TarEntryType.Directory : TarEntryType.RegularFile, name)
                {
                    Uid = owner,
                    Gid = owner,
                    Mode = isDirectory ? (entry.Owner == StagedOwner.GraderOnly ? PrivateDirectory : Directory) : entry.Executable ? Executable : File,
                    ModificationTime = mtime,
                };
                if (!isDirectory && entry.Content is { } content)
                {
                    // Wrap the staged bytes rather than copy them: a tree can be uploaded more than once (after a restart).
                    tarEntry.DataStream = MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
                        ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
                        : new MemoryStream(content.ToArray(), writable: false);
                }

                writer.WriteEntry(tarEntry);
            }
        }

        output.Position = 0;
        return output;
    }
}
