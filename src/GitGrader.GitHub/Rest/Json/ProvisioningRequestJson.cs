using System.Text.Json.Serialization;

namespace GitGrader.GitHub.Rest.Json;

/// <summary>
/// The bodies of the requests that make a student's repository (each request sets the members it needs; the rest stay
/// null and are left out): generate from a template, create in the organisation, a collaborator's or an invitation's
/// permission, a new ref, a new pull request.
/// </summary>
internal sealed class ProvisioningRequestJson
{
    public string? Owner { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool? Private { get; set; }

    [JsonPropertyName("include_all_branches")]
    public bool? IncludeAllBranches { get; set; }

    [JsonPropertyName("auto_init")]
    public bool? AutoInit { get; set; }

    public string? Permission { get; set; }

    public string? Permissions { get; set; }

    public string? Ref { get; set; }

    public string? Sha { get; set; }

    public string? Title { get; set; }

    public string? Head { get; set; }

    public string? Base { get; set; }

    public string? Body { get; set; }

    [JsonPropertyName("maintainer_can_modify")]
    public bool? MaintainerCanModify { get; set; }
}
