using GitGrader.Core.Assignments;

namespace GitGrader.Provisioning;

/// <summary>
/// Makes a student's repository for an assignment, as GitHub Classroom did on accepting an invitation:
/// <c>{org}/{slug}-{login}</c>, private, from the assignment's <c>template:</c> repository or its <c>starter/</c>;
/// the student a collaborator with push access; a <c>feedback</c> branch at the starter commit, protected, and one
/// open pull request from the default branch into it. Idempotent: a second call for the same student returns the
/// same repository with <see cref="ProvisionedRepository.Created"/> false and finishes whatever an earlier call
/// left undone. Registered in DI for <c>serve</c> and <c>provision</c>.
/// </summary>
public interface IRepositoryProvisioner
{
    /// <summary>Makes (or finishes) <paramref name="login"/>'s repository of <paramref name="assignment"/>.</summary>
    /// <param name="assignment">The assignment.</param>
    /// <param name="login">The student's GitHub login.</param>
    /// <param name="progress">Told each step as it starts (plain text, safe to show the student), or null.</param>
    /// <param name="cancellationToken">Stops the work; a later call finishes it.</param>
    /// <exception cref="ProvisioningException">The repository cannot be made; the message is safe and clear for a student or instructor.</exception>
    Task<ProvisionedRepository> ProvisionAsync(Assignment assignment, string login, IProgress<string>? progress, CancellationToken cancellationToken);
}
