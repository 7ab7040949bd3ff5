namespace GitGrader.IntegrationTests.Support;

/// <summary>Tests on the Docker engine run one at a time (2-core machines; timing-sensitive limits).</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "Docker engine";
}
