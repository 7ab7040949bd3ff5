namespace GitGrader.Classroom.Import;

/// <summary>An export that cannot be imported; the message names the file (and line, or JSON position) and what to do.</summary>
public sealed class ClassroomExportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClassroomExportException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ClassroomExportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ClassroomExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
