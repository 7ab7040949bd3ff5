using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading.Gradescope;

/// <summary>
/// Gradescope's layout inside a GitGrader sandbox. The autograder's image is derived from the
/// assignment's image: its files go to <c>/autograder/source</c>, <c>setup.sh</c> runs there once as
/// root at build time, and <c>/autograder/submission</c>, <c>/autograder/results</c> and
/// <c>/autograder/submission_metadata.json</c> are links into the per-submission workspace (the
/// image's root is read-only when grading).
/// </summary>
public static class GradescopeLayout
{
    /// <summary>Where <c>run_autograder</c> writes its results.</summary>
    public const string ResultsPath = SandboxPaths.Results + "/results.json";

    /// <summary>Largest results file read; a larger one is a grader error.</summary>
    public const long MaxResultsBytes = 1024 * 1024;

    private const string Dockerfile = """
        FROM {0}
        USER root
        COPY source/ /autograder/source/
        RUN set -e; \
            cp /autograder/source/run_autograder /autograder/run_autograder; \
            chmod 755 /autograder/run_autograder; \
            ln -s /work/submission /autograder/submission; \
            ln -s /work/results /autograder/results; \
            ln -s /work/submission_metadata.json /autograder/submission_metadata.json; \
            if [ -f /autograder/source/setup.sh ]; then cd /autograder/source && bash ./setup.sh; fi; \
            chmod -R a+rX /autograder
        USER 1000:1000
        WORKDIR /autograder
        """;

    /// <summary>The image recipe for <paramref name="assignment"/>'s autograder.</summary>
    public static async Task<ImageRecipe> RecipeAsync(Assignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var dockerfile = string.Format(System.Globalization.CultureInfo.InvariantCulture, Dockerfile, assignment.Image);
        var context = new StagedTree().AddDirectory("source", StagedOwner.Grader);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(dockerfile));

        // Links inside the autograder are neither followed nor copied.
        foreach (var walked in FolderWalker.Walk(new DirectoryInfo(assignment.AutograderDirectory)).Where(w => !w.IsLink))
        {
            var relative = "source/" + walked.Path;
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0"));
            if (walked.Entry is DirectoryInfo)
            {
                context.AddDirectory(relative, StagedOwner.Grader);
                continue;
            }

            var content = await File.ReadAllBytesAsync(walked.Entry.FullName, cancellationToken).ConfigureAwait(false);
            var executable = walked.IsExecutable;
            hash.AppendData(content);
            hash.AppendData(executable ? "x"u8 : "-"u8);
            context.AddFile(relative, StagedOwner.Grader, content, executable);
        }

        context.AddFile("Dockerfile", StagedOwner.Grader, Encoding.UTF8.GetBytes(dockerfile));
        return new ImageRecipe(
            "gitgrader-autograder/" + RepositoryName(assignment.Slug),
            assignment.Image,
            Convert.ToHexStringLower(hash.GetHashAndReset()),
            dockerfile,
            context);
    }

    /// <summary>A valid Docker repository path component from any folder name: lowercase letters, digits and single dashes.</summary>
    internal static string RepositoryName(string slug)
    {
        var name = new StringBuilder(slug.Length);
        foreach (var c in slug.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var result = name.ToString().Trim('-');
        return result.Length == 0 ? "autograder" : result[..Math.Min(result.Length, 100)];
    }

    /// <summary>Adds <c>submission_metadata.json</c> at the workspace root (owned by root) to <paramref name="tree"/>.</summary>
    public static StagedTree AddMetadata(StagedTree tree, Assignment assignment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(assignment);
        var metadata = new GradescopeMetadata
        {
            Id = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
            Assignment = new GradescopeMetadataAssignment { Title = assignment.Name, DueDate = assignment.Deadline },
        };
        return tree.AddFile(
            "submission_metadata.json",
            StagedOwner.Grader,
            JsonSerializer.SerializeToUtf8Bytes(metadata, GradescopeJsonContext.Default.GradescopeMetadata));
    }

    /// <summary><c>submission_metadata.json</c> on its own.</summary>
    public static StagedTree Metadata(Assignment assignment, DateTimeOffset now) => AddMetadata(new StagedTree(), assignment, now);
}
