namespace GitGrader.Core.Grading;

/// <summary>One <c>&lt;testcase&gt;</c> of a JUnit XML report; every string is sanitised.</summary>
/// <param name="ClassName">The <c>classname</c> attribute; empty when absent.</param>
/// <param name="Name">The <c>name</c> attribute.</param>
/// <param name="Outcome">How the case ended.</param>
/// <param name="Message">The <c>message</c> attribute of the failure, error or skip; null when absent.</param>
/// <param name="Details">The text of the failure, error or skip element (a stack trace, say), trimmed and capped at 8 KB; null when empty.</param>
/// <param name="TimeSeconds">The <c>time</c> attribute; 0 when absent or unreadable.</param>
public sealed record JUnitCase(
    string ClassName,
    string Name,
    JUnitOutcome Outcome,
    string? Message,
    string? Details,
    double TimeSeconds);
