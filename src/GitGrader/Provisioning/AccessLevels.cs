namespace GitGrader.Provisioning;

/// <summary>The collaborator permissions GitGrader gives (GitHub's words for <c>PUT …/collaborators</c>) and their invitation spellings.</summary>
internal static class AccessLevels
{
    /// <summary>Push: a student's access while the assignment is open.</summary>
    public const string Write = "push";

    /// <summary>Pull: read only, after the cut-off.</summary>
    public const string Read = "pull";

    /// <summary>The same permission as the invitations API spells it (<c>write</c>, <c>read</c>).</summary>
    public static string InvitationWord(string permission) => permission == Read ? "read" : "write";
}
