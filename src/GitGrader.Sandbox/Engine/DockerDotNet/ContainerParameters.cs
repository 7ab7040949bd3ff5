using Docker.DotNet.Models;

namespace GitGrader.Sandbox.Engine.DockerDotNet;

/// <summary>Docker.DotNet's create-container parameters for a <see cref="ContainerSpec"/>, field by field.</summary>
internal static class ContainerParameters
{
    public static CreateContainerParameters From(ContainerSpec spec) => new()
    {
        Name = spec.Name,
        Image = spec.Image,
        Entrypoint = [.. spec.Entrypoint],
        Cmd = [.. spec.Command],
        User = spec.User,
        WorkingDir = spec.WorkingDirectory,
        Env = [.. spec.Environment],
        NetworkDisabled = spec.NetworkDisabled,
        Labels = spec.Labels.ToDictionary(),
        HostConfig = new HostConfig
        {
            NetworkMode = spec.NetworkDisabled ? "none" : "default",
            Memory = spec.MemoryBytes,
            MemorySwap = spec.MemoryBytes,
            NanoCPUs = spec.NanoCpus,
            PidsLimit = spec.PidsLimit,
            ReadonlyRootfs = spec.ReadOnlyRootFilesystem,

            // Left out (null) for the engine's own list: an empty list would mean none at all. The library's
            // model does not mark it nullable, but leaves null fields out of the request.
            ReadonlyPaths = spec.ReadOnlyPaths.Count == 0 ? null! : [.. spec.ReadOnlyPaths],
            Init = spec.Init,
            CapDrop = [.. spec.CapDrop],
            CapAdd = [.. spec.CapAdd],
            SecurityOpt = [.. spec.SecurityOptions],
            IpcMode = spec.IpcMode,
            Runtime = string.IsNullOrEmpty(spec.Runtime) ? null : spec.Runtime,
            Tmpfs = spec.Tmpfs.ToDictionary(),
            Ulimits = [.. spec.Ulimits.Select(u => new Ulimit { Name = u.Name, Soft = u.Soft, Hard = u.Hard })],
            Mounts =
            [
                .. spec.Volumes.Select(v => new Mount
                {
                    Type = "volume",
                    Target = v.Target,
                    VolumeOptions = new VolumeOptions
                    {
                        Labels = v.Labels.ToDictionary(),
                        DriverConfig = new Driver { Name = "local", Options = v.DriverOptions.ToDictionary() },
                    },
                }),
            ],
        },
    };
}
