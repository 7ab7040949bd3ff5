namespace GitGrader.GitHub.Webhooks;

/// <summary>The <c>repository</c> of a delivery (the members GitGrader reads).</summary>
/// <param name="Id">Repository id.</param>
/// <param name="Owner"><c>owner.login</c>.</param>
/// <param name="Name"><c>name</c>.</param>
/// <param name="CloneUrl"><c>clone_url</c> (https).</param>
/// <param name="DefaultBranch"><c>default_branch</c>, when present.</param>
public sealed record WebhookRepository(long Id, string Owner, string Name, string? CloneUrl, string? DefaultBranch)
{
    /// <summary>As a <see cref="RepositoryRef"/>.</summary>
    public RepositoryRef Ref => new(Owner, Name);
}
