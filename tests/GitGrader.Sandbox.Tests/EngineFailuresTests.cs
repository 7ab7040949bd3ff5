using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;
using GitGrader.Sandbox.Engine.DockerDotNet;

namespace GitGrader.Sandbox.Tests;

/// <summary>What Docker.DotNet throws, as the sandbox exception an operator reads.</summary>
public sealed class EngineFailuresTests
{
    private readonly EngineFailures _failures = new("unix:///run/docker.sock", TimeSpan.FromSeconds(60));

    [Fact]
    public void Map_UnixSocketMissing_SaysTheEngineIsNotReachableAndHowToStartIt()
    {
        var thrown = new HttpRequestException("Connection failed.", new SocketException((int)SocketError.AddressNotAvailable));

        var mapped = _failures.Map("ping", thrown, CancellationToken.None);

        Assert.NotNull(mapped);
        Assert.StartsWith("The Docker engine is not reachable at unix:///run/docker.sock (", mapped.Message, StringComparison.Ordinal);
        Assert.Contains("ensure-docker.sh", mapped.Hint, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", mapped.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TcpConnectionRefused_ComesAsAnAggregate_IsNotReachableToo()
    {
        var thrown = new AggregateException(new SocketException((int)SocketError.ConnectionRefused));

        var mapped = _failures.Map("container create", thrown, CancellationToken.None);

        Assert.NotNull(mapped);
        Assert.Equal("The Docker engine is not reachable at unix:///run/docker.sock (Connection refused).", mapped.Message);
    }

    [Fact]
    public void Map_ErrorStatus_NamesTheOperationStatusAndTheEnginesOwnMessage()
    {
        var thrown = new DockerApiException(HttpStatusCode.InternalServerError, "{\"message\":\"container rootfs is marked read-only\"}\n");

        var mapped = _failures.Map("archive upload", thrown, CancellationToken.None);

        Assert.NotNull(mapped);
        Assert.Equal("The Docker engine refused archive upload: 500 container rootfs is marked read-only", mapped.Message);
        Assert.Contains("see its log", mapped.Hint, StringComparison.Ordinal);
        Assert.Same(thrown, mapped.InnerException);
    }

    [Fact]
    public void Map_ClientErrorWithABodyThatIsNotJson_KeepsTheBody()
    {
        var thrown = new DockerApiException(HttpStatusCode.BadRequest, "bad parameter");

        var mapped = _failures.Map("exec create", thrown, CancellationToken.None);

        Assert.Equal("The Docker engine refused exec create: 400 bad parameter", mapped!.Message);
        Assert.Contains("API 1.41 or later", mapped.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ContainerGone_SaysSomethingRemovedIt()
    {
        var thrown = new DockerContainerNotFoundException(HttpStatusCode.NotFound, "{\"message\":\"No such container: 0123abcd\"}");

        var mapped = _failures.Map("exec create", thrown, CancellationToken.None);

        Assert.Equal("The Docker engine refused exec create: the container is gone (No such container: 0123abcd).", mapped!.Message);
        Assert.Contains("io.gitgrader.managed", mapped.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TheClientsOwnTimeout_SaysTheEngineDidNotAnswerInTime()
    {
        var thrown = new TaskCanceledException("The operation was canceled.", new HttpRequestException("The requested failed"));

        var mapped = _failures.Map("container list", thrown, CancellationToken.None);

        Assert.Equal("The Docker engine at unix:///run/docker.sock did not answer container list within 60 s.", mapped!.Message);
        Assert.Contains("Docker:RequestTimeout", mapped.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TheCallersCancellation_PropagatesAsItIs()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Null(_failures.Map("exec start", new TaskCanceledException(), cancel.Token));
    }

    [Fact]
    public void Map_AnAnswerThatCannotBeRead_SaysSo()
    {
        var mapped = _failures.Map("exec inspect", new JsonException("'<' is an invalid start of a value."), CancellationToken.None);

        Assert.Equal("The Docker engine's answer to exec inspect could not be read ('<' is an invalid start of a value.).", mapped!.Message);
    }

    [Fact]
    public void Map_OurOwnBugs_AreNotDisguised()
    {
        Assert.Null(_failures.Map("ping", new NullReferenceException(), CancellationToken.None));
    }
}
