namespace GitGrader.Classroom;

/// <summary>An extension as read, with where it was written (<c>file:line</c> or the configuration key) for messages.</summary>
internal sealed record ExtensionEntry(string Assignment, StudentExtension Extension, string Where);
