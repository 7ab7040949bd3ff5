namespace GitGrader.GitHub.Rest;

/// <summary>What <c>PUT /repos/{o}/{r}/collaborators/{username}</c> did.</summary>
public enum CollaboratorOutcome
{
    /// <summary>201: an invitation was created (or a pending one answered again); the user has access once they accept it.</summary>
    Invited,

    /// <summary>204: the user was already a collaborator (or an organisation member with access); their permission is now the one asked.</summary>
    AlreadyCollaborator,
}
