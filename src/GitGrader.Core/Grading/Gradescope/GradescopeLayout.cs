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
        COPY gitgrader-setup/ /gitgrader-setup/
        RUN set -e; \
            cp /autograder/source/run_autograder /autograder/run_autograder; \
            chmod 755 /autograder/run_autograder; \
            ln -s /work/submission /autograder/submission; \
            ln -s /work/results /autograder/results; \
            ln -s /work/submission_metadata.json /autograder/submission_metadata.json; \
            if [ -f /autograder/source/setup.sh ]; then bash /gitgrader-setup/run-setup.sh; fi; \
            rm -rf /gitgrader-setup; \
            chmod -R a+rX /autograder; \
            mv /autograder /opt/gitgrader-autograder; \
            ln -s /work/autograder /autograder
        USER 1000:1000
        WORKDIR /work
        """;

    /// <summary>The autograder as built, read-only, copied into the workspace (<see cref="WorkingCopy"/>) before each run.</summary>
    public const string BuiltCopy = "/opt/gitgrader-autograder";

    /// <summary>
    /// The autograder's own writable copy in the workspace, which <c>/autograder</c> links to: <c>run_autograder</c>
    /// may copy files into <c>/autograder/source</c> and make folders there and under <c>/autograder</c>, as on
    /// Gradescope, within the workspace's cap.
    /// </summary>
    public const string WorkingCopy = SandboxPaths.Workspace + "/autograder";

    /// <summary>How a run starts: the built autograder copied into its writable place, then <c>run_autograder</c> from <c>/autograder</c>.</summary>
    public static IReadOnlyList<string> RunCommand(string runAutograder) =>
        ["/bin/sh", "-c", $"cp -a {BuiltCopy}/. {WorkingCopy}/ || exit 97\ncd /autograder && exec \"$0\"", runAutograder];

    /// <summary>
    /// Runs <c>setup.sh</c> as Gradescope does (bash, in <c>/autograder/source</c>, as root) and, when it fails,
    /// says on one line starting <c>gitgrader:</c> (which the sandbox shows first) its exit status and the last
    /// command of it that failed, with its line.
    /// </summary>
    private const string RunSetup = """
        #!/bin/bash
        cd /autograder/source || exit 1
        export GITGRADER_SETUP_TRACE=/gitgrader-setup/last-failure
        : > "$GITGRADER_SETUP_TRACE"
        BASH_ENV=/gitgrader-setup/trap.sh bash ./setup.sh
        status=$?
        if [ "$status" -ne 0 ]; then
          failed=$(cat "$GITGRADER_SETUP_TRACE")
          echo "gitgrader: setup.sh failed with exit status $status${failed:+; the last command that failed was at line $failed}"
          exit "$status"
        fi
        """;

    /// <summary>Read by the shell that runs <c>setup.sh</c> before the script (and by no shell it starts): notes each failing command.</summary>
    private const string SetupTrap = """
        set -E
        unset BASH_ENV
        trap 'printf "%s: %s" "$LINENO" "$BASH_COMMAND" > "$GITGRADER_SETUP_TRACE"' ERR
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

        context.AddDirectory("gitgrader-setup", StagedOwner.Grader);
        context.AddFile("gitgrader-setup/run-setup.sh", StagedOwner.Grader, Encoding.UTF8.GetBytes(RunSetup));
        context.AddFile("gitgrader-setup/trap.sh", StagedOwner.Grader, Encoding.UTF8.GetBytes(SetupTrap));
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

    /// <summary>Adds the empty folder the autograder's writable copy goes into (the student's, as every step runs as the student).</summary>
    public static StagedTree AddAutograderFolder(StagedTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return tree.AddDirectory("autograder", StagedOwner.Student);
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
