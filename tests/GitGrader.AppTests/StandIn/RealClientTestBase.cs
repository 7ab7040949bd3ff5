using GitGrader.GitHub.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.StandInTests;

/// <summary>A fresh stand-in per test (<see cref="StandInTestBase"/>) and GitGrader's own GitHub client wired against it as the app wires it.</summary>
public abstract class RealClientTestBase : StandInTestBase
{
    private ServiceProvider _services = null!;

    /// <summary>The client under test.</summary>
    protected IGitHubClient Client => _services.GetRequiredService<IGitHubClient>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _services = ClientServices.For(GitHub);
    }

    public override async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }
}
