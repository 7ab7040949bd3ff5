namespace GitGrader.Provisioning;

/// <summary>
/// A student's repository could not be made. The message is safe to show the student or the instructor (no token, no
/// stack trace) and says what happened and what to do; <see cref="IsPermanent"/> tells a retry apart from a fix.
/// </summary>
public sealed class ProvisioningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProvisioningException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException) => IsPermanent = isPermanent;

    /// <summary>
    /// True when trying again cannot help until someone changes something (the login does not exist, the name is taken,
    /// the template is missing); false for GitHub failing or rate-limiting, which a later try finishes.
    /// </summary>
    public bool IsPermanent { get; }
}
