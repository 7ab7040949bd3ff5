using Docker.DotNet;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Engine;
using GitGrader.Sandbox.Engine.DockerDotNet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Sandbox.Docker;

/// <summary>Registers the Docker sandbox.</summary>
public static class DockerSandboxServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DockerOptions"/> to <paramref name="section"/> (validated at start), and registers one
    /// Docker.DotNet client for its endpoint, the engine over it, <see cref="DockerSandbox"/> and <see cref="ISandbox"/>.
    /// </summary>
    public static IServiceCollection AddDockerSandbox(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var key = section is IConfigurationSection named ? named.Path : DockerOptions.ConfigurationKey;
        services.AddOptions<DockerOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DockerOptions>>(new DockerOptionsValidator(key)));
        services.TryAddSingleton<IDockerClient>(sp => DockerClientFactory.Create(sp.GetRequiredService<IOptions<DockerOptions>>().Value));
        services.TryAddSingleton<IContainerEngine>(sp => new DockerDotNetEngine(sp.GetRequiredService<IDockerClient>(), sp.GetRequiredService<IOptions<DockerOptions>>().Value));
        services.TryAddSingleton(sp => new DockerSandbox(
            sp.GetRequiredService<IContainerEngine>(),
            sp.GetService<ILogger<DockerSandbox>>(),
            runtime: sp.GetRequiredService<IOptions<DockerOptions>>().Value.Runtime));
        services.TryAddSingleton<ISandbox>(sp => sp.GetRequiredService<DockerSandbox>());
        return services;
    }
}
