namespace GitGrader.Core.Grading;

/// <summary>A JUnit XML report that cannot be read: not XML, not JUnit, too big, or holding a DTD.</summary>
public sealed class JUnitFormatException : Exception
{
    public JUnitFormatException()
    {
    }

    public JUnitFormatException(string message)
        : base(message)
    {
    }

    public JUnitFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
