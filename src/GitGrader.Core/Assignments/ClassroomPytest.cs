namespace GitGrader.Core.Assignments;

/// <summary>
/// A Classroom <c>run</c> command that runs pytest on instructor files, as GitGrader runs it instead: hardened
/// like the <see cref="TestKind.Pytest"/> kind, with the original's options, still passing on exit 0.
/// </summary>
/// <param name="Options">The original's options, in order (output, selection, <c>-p no:…</c>), each as one argument.</param>
/// <param name="Targets">What pytest is to run, relative to <c>hidden/</c> (a file, a folder, a <c>file::test</c> id; empty: the whole folder).</param>
/// <param name="TestsFolder">The folder of the test modules, relative to <c>hidden/</c> (empty for <c>hidden/</c> itself): put on <c>sys.path</c> as pytest's default import mode would.</param>
/// <param name="IniFile">The instructor's <c>pytest.ini</c> at the root of <c>hidden/</c>, read in place of GitGrader's; null when there is none.</param>
/// <param name="UsesTimeout">Whether the options use pytest-timeout's <c>--timeout</c> (its plugin is then loaded by name).</param>
public sealed record ClassroomPytest(IReadOnlyList<string> Options, IReadOnlyList<string> Targets, string TestsFolder, string? IniFile, bool UsesTimeout);
