namespace GitGrader.Core.Grading;

/// <summary>What a <see cref="SubmissionEntry"/> is; only folders and regular files are staged.</summary>
public enum SubmissionEntryKind
{
    /// <summary>A folder, staged (empty or not).</summary>
    Directory,

    /// <summary>A regular file (executable or not), staged with its content.</summary>
    File,

    /// <summary>A symbolic link: never followed, skipped with a note.</summary>
    SymbolicLink,

    /// <summary>A submodule (a git link to another repository's commit): never fetched, skipped with a note.</summary>
    Submodule,

    /// <summary>A name that is not valid UTF-8: it cannot be shown or staged faithfully, skipped with a note.</summary>
    NameNotUtf8,

    /// <summary>An entry git would refuse to check out (a <c>.git</c> or <c>..</c> path, an unknown mode), skipped with a note.</summary>
    Refused,

    /// <summary>A path too long to stage (past <c>PATH_MAX</c> or <c>NAME_MAX</c> in the sandbox, or on this host): skipped with a note, with all it holds.</summary>
    PathTooLong,
}
