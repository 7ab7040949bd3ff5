using GitGrader.GitHub.Rest.Json;

namespace GitGrader.GitHub.Rest;

/// <summary>The requests one check run create or update takes: the first, then one PATCH per further 50 annotations.</summary>
internal sealed record CheckRunRequestPlan(CheckRunRequestJson First, IReadOnlyList<CheckRunRequestJson> FollowUps);
