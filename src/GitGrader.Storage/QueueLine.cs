namespace GitGrader.Storage;

/// <summary>The queue as a student waiting in it sees it: who is ahead, and how fast the line moves.</summary>
/// <param name="Waiting">Queued grade jobs due now, in claim order (at most the limit asked for).</param>
/// <param name="Running">Jobs being worked on now.</param>
/// <param name="FinishedRecently">Jobs that ended (done or failed) within the window asked for.</param>
public sealed record QueueLine(IReadOnlyList<QueuedJob> Waiting, int Running, int FinishedRecently);
