namespace GitGrader.Storage;

/// <summary>
/// Each student's repository of an assignment as GitGrader made it, step by step (so a rerun does only what is missing and
/// never takes a repository it did not make), and the access the deadline's cut-off applied to it. Making one and changing its
/// access are each held by one process at a time, across every process sharing the store.
/// </summary>
public interface IProvisioningState
{
    /// <summary>What is known of <paramref name="student"/>'s repository of <paramref name="assignment"/> (logins compared case-insensitively), or null.</summary>
    Task<ProvisioningRecord?> GetProvisioningAsync(string assignment, string student, CancellationToken cancellationToken);

    /// <summary>Every student's record of <paramref name="assignment"/>, by student.</summary>
    Task<IReadOnlyList<ProvisioningRecord>> ListProvisioningAsync(string assignment, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the making of the student's repository for <paramref name="holder"/> for <paramref name="hold"/> (creating the record
    /// with <paramref name="repository"/> if there is none): true when granted (also to the holder that has it, and when the
    /// previous hold ran out), false while another holds it.
    /// </summary>
    Task<bool> HoldProvisioningAsync(string assignment, string student, string repository, string holder, TimeSpan hold, CancellationToken cancellationToken);

    /// <summary>Saves the steps of <paramref name="record"/> (the holder's work so far); the hold and the applied access are left as they are.</summary>
    Task SaveProvisioningAsync(ProvisioningRecord record, CancellationToken cancellationToken);

    /// <summary>Ends <paramref name="holder"/>'s hold, if it has it.</summary>
    Task ReleaseProvisioningAsync(string assignment, string student, string holder, CancellationToken cancellationToken);

    /// <summary>Holds changing the student's access (the cut-off) for <paramref name="holder"/>, as <see cref="HoldProvisioningAsync"/> does; false when there is no record or another holds it.</summary>
    Task<bool> HoldAccessAsync(string assignment, string student, string holder, TimeSpan hold, CancellationToken cancellationToken);

    /// <summary>Records the access applied (<c>push</c> or <c>pull</c>) for the deadline it follows from, and ends <paramref name="holder"/>'s hold.</summary>
    Task SaveAccessAsync(string assignment, string student, string access, DateTimeOffset? deadline, string holder, CancellationToken cancellationToken);
}
