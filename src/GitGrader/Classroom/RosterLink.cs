namespace GitGrader.Classroom;

/// <summary>How a roster row is linked to a GitHub account.</summary>
public enum RosterLink
{
    /// <summary>Not linked: a student can claim it through an invitation link.</summary>
    None,

    /// <summary>The CSV's <c>github_username</c>: change it in the file.</summary>
    Csv,

    /// <summary>Claimed by the student through an invitation link: <c>gitgrader roster unlink</c> undoes it.</summary>
    Claimed,
}
