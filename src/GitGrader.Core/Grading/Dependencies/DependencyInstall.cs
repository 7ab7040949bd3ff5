namespace GitGrader.Core.Grading.Dependencies;

/// <summary>One dependency install of an assignment's setup, as written, and where it was written.</summary>
/// <param name="Manager">Which package manager.</param>
/// <param name="Command">The command, as written (a leading <c>sudo</c> and its options dropped).</param>
/// <param name="Where">Which test's setup, or the assignment's, for messages.</param>
public sealed record DependencyInstall(DependencyManager Manager, string Command, string Where);
