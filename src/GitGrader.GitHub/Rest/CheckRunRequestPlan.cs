using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>The requests one check run create or update takes: the first (<see cref="Octo.NewCheckRun"/> or <see cref="Octo.CheckRunUpdate"/>), then one PATCH per further 50 annotations.</summary>
internal sealed record CheckRunRequestPlan<TFirst>(TFirst First, IReadOnlyList<Octo.CheckRunUpdate> FollowUps);
