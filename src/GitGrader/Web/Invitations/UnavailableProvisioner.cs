using GitGrader.Core.Assignments;
using GitGrader.Provisioning;

namespace GitGrader.Web.Invitations;

/// <summary>Stands in for <see cref="IRepositoryProvisioner"/> until a real one is registered: every call says repositories cannot be made here.</summary>
internal sealed class UnavailableProvisioner : IRepositoryProvisioner
{
    /// <inheritdoc />
    public Task<ProvisionedRepository> ProvisionAsync(Assignment assignment, string login, IProgress<string>? progress, CancellationToken cancellationToken) =>
        throw new ProvisioningException("This server cannot make repositories yet. Tell your instructor.", isPermanent: true);
}
