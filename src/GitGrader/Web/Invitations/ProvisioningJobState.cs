namespace GitGrader.Web.Invitations;

/// <summary>Where a student's repository is.</summary>
public enum ProvisioningJobState
{
    /// <summary>Being made.</summary>
    Running,

    /// <summary>Ready: <see cref="ProvisioningJob.Repository"/>.</summary>
    Done,

    /// <summary>Could not be made: <see cref="ProvisioningJob.Failure"/> says what to do.</summary>
    Failed,
}
