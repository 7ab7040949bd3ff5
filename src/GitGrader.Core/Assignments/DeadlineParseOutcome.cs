namespace GitGrader.Core.Assignments;

/// <summary>What <see cref="DeadlineParser.Parse"/> made of a deadline.</summary>
internal enum DeadlineParseOutcome
{
    /// <summary>Parsed.</summary>
    Parsed,

    /// <summary>Not a date and time in a form the parser reads.</summary>
    Malformed,

    /// <summary>A local time, and no time zone to read it in.</summary>
    NeedsTimeZone,

    /// <summary>A local time that the time zone skips (clocks going forward).</summary>
    SkippedByTimeZone,
}
