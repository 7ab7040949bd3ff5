using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// A small typed client for the Docker Engine HTTP API over a unix socket or TCP: just the calls a
/// grading sandbox needs. Every call takes a <see cref="CancellationToken"/>; connection failures
/// become a <see cref="SandboxException"/> that says how to bring the engine up.
/// </summary>
internal sealed class DockerApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly DockerEndpoint _endpoint;
    private readonly string _prefix;

    public DockerApiClient(DockerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _endpoint = DockerEndpoint.Parse(options.Endpoint);
        _prefix = "/v" + options.ApiVersion.TrimStart('v');
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) => new NetworkStream(await _endpoint.ConnectAsync(ct).ConfigureAwait(false), ownsSocket: true),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 64,
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker"), Timeout = options.RequestTimeout };
    }

    public string Endpoint => _endpoint.Display;

    public void Dispose() => _http.Dispose();

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "/_ping", null, "ping", cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) =>
        await ImageIdAsync(image, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The image's content id (<c>sha256:…</c>), or null when the engine does not hold it.</summary>
    public async Task<string?> ImageIdAsync(string image, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_prefix}/images/{Uri.EscapeDataString(image)}/json");
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "image inspect", cancellationToken).ConfigureAwait(false);
        return (await ReadJsonAsync(response, DockerJsonContext.Default.ImageInspectResponse, cancellationToken).ConfigureAwait(false)).Id;
    }

    /// <summary>
    /// Builds <paramref name="tag"/> from a tar build context (host network, so a setup script can use the
    /// package archive). Returns the build's output; throws <see cref="DockerApiException"/> with its last lines on failure.
    /// </summary>
    public async Task<IReadOnlyList<string>> BuildImageAsync(string tag, Stream context, IReadOnlyDictionary<string, string> labels, Action<string>? onLine, CancellationToken cancellationToken)
    {
        var labelJson = Uri.EscapeDataString(JsonSerializer.Serialize(labels.ToDictionary(kv => kv.Key, kv => kv.Value), DockerJsonContext.Default.DictionaryStringString));
        using var content = new StreamContent(context);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_prefix}/build?t={Uri.EscapeDataString(tag)}&networkmode=host&rm=1&forcerm=1&labels={labelJson}") { Content = content };
        using var response = await SendRawAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "image build", cancellationToken).ConfigureAwait(false);

        var output = new List<string>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var progress = JsonSerializer.Deserialize(line, DockerJsonContext.Default.BuildProgressLine);
            if (progress?.Error is { } error)
            {
                var tail = string.Join('\n', output.TakeLast(30));
                throw new DockerApiException($"Building image {tag} failed: {error.Trim()}\n{tail}");
            }

            if (progress?.Stream is { } text)
            {
                foreach (var part in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    output.Add(part.TrimEnd());
                    onLine?.Invoke(part.TrimEnd());
                }
            }
        }

        return output;
    }

    /// <summary>Images whose reference matches <paramref name="reference"/> (e.g. <c>repo</c> for every tag of it).</summary>
    public async Task<IReadOnlyList<ImageSummary>> ListImagesAsync(string reference, CancellationToken cancellationToken)
    {
        var filters = Uri.EscapeDataString(JsonSerializer.Serialize(
            new Dictionary<string, string[]> { ["reference"] = [reference] },
            DockerJsonContext.Default.DictionaryStringStringArray));
        using var response = await SendAsync(HttpMethod.Get, $"/images/json?filters={filters}", null, "image list", cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, DockerJsonContext.Default.ListImageSummary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes an image tag; false when the engine refuses (in use by a container, already gone).</summary>
    public async Task<bool> TryRemoveImageAsync(string image, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{_prefix}/images/{Uri.EscapeDataString(image)}");
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    public async Task CreateVolumeAsync(VolumeCreateRequest volume, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(volume, DockerJsonContext.Default.VolumeCreateRequest);
        using var response = await SendAsync(HttpMethod.Post, "/volumes/create", content, "volume create", cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveVolumeAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{_prefix}/volumes/{Uri.EscapeDataString(name)}?force=true");
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, "volume remove", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string> CreateContainerAsync(string name, ContainerCreateRequest container, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(container, DockerJsonContext.Default.ContainerCreateRequest);
        using var response = await SendAsync(HttpMethod.Post, $"/containers/create?name={Uri.EscapeDataString(name)}", content, "container create", cancellationToken).ConfigureAwait(false);
        var created = await ReadJsonAsync(response, DockerJsonContext.Default.IdResponse, cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    public async Task StartContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/containers/{id}/start", null, "container start", cancellationToken).ConfigureAwait(false);
    }

    public async Task KillContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_prefix}/containers/{id}/kill");
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);

        // 409: not running any more, which is what we wanted.
        if (response.StatusCode is not HttpStatusCode.Conflict and not HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, "container kill", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WaitContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_prefix}/containers/{id}/wait?condition=not-running");
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, "container wait", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RemoveContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{_prefix}/containers/{id}?force=true&v=true");
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, "container remove", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ContainerInspectResponse?> InspectContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_prefix}/containers/{id}/json");
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "container inspect", cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, DockerJsonContext.Default.ContainerInspectResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(string label, CancellationToken cancellationToken)
    {
        var filters = LabelFilter(label);
        using var response = await SendAsync(HttpMethod.Get, $"/containers/json?all=true&filters={filters}", null, "container list", cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, DockerJsonContext.Default.ListContainerSummary, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<VolumeSummary>> ListVolumesAsync(string label, CancellationToken cancellationToken)
    {
        var filters = LabelFilter(label);
        using var response = await SendAsync(HttpMethod.Get, $"/volumes?filters={filters}", null, "volume list", cancellationToken).ConfigureAwait(false);
        var list = await ReadJsonAsync(response, DockerJsonContext.Default.VolumeListResponse, cancellationToken).ConfigureAwait(false);
        return list.Volumes ?? [];
    }

    public async Task PutArchiveAsync(string id, string path, Stream tar, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await SendAsync(HttpMethod.Put, $"/containers/{id}/archive?path={Uri.EscapeDataString(path)}", content, "archive upload", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the tar stream of <paramref name="path"/>, or null when it does not exist. The caller disposes the response.</summary>
    public async Task<HttpResponseMessage?> GetArchiveAsync(string id, string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{_prefix}/containers/{id}/archive?path={Uri.EscapeDataString(path)}");
        var response = await SendRawAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        request.Dispose();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        try
        {
            await EnsureSuccessAsync(response, "archive download", cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<string> CreateExecAsync(string containerId, ExecCreateRequest exec, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(exec, DockerJsonContext.Default.ExecCreateRequest);
        using var response = await SendAsync(HttpMethod.Post, $"/containers/{containerId}/exec", content, "exec create", cancellationToken).ConfigureAwait(false);
        var created = await ReadJsonAsync(response, DockerJsonContext.Default.IdResponse, cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    public async Task<ExecInspectResponse> InspectExecAsync(string execId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/exec/{execId}/json", null, "exec inspect", cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, DockerJsonContext.Default.ExecInspectResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts an exec on a connection of its own, hijacked after the HTTP upgrade, so stdin can be
    /// written and half-closed and the multiplexed output read as it comes.
    /// </summary>
    public async Task<ExecStream> StartExecAsync(string execId, CancellationToken cancellationToken)
    {
        var socket = await ConnectOrThrowAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new ExecStartRequest(), DockerJsonContext.Default.ExecStartRequest);
            var head = Encoding.ASCII.GetBytes(
                $"POST {_prefix}/exec/{execId}/start HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n" +
                $"Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: {body.Length}\r\n\r\n");
            await socket.SendAsync(head, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            await socket.SendAsync(body, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            return await ExecStream.OpenAsync(socket, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string LabelFilter(string label)
    {
        var json = JsonSerializer.Serialize(
            new Dictionary<string, string[]> { ["label"] = [label] },
            DockerJsonContext.Default.DictionaryStringStringArray);
        return Uri.EscapeDataString(json);
    }

    private async Task<Socket> ConnectOrThrowAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _endpoint.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw Unreachable(ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, _prefix + path) { Content = content };
        var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, operation, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw Unreachable(ex);
        }
    }

    private SandboxException Unreachable(Exception ex) => new(
        $"The Docker engine is not reachable at {_endpoint.Display} ({ex.Message}).",
        "Start it (as root: `bash grader-images/ensure-docker.sh`, or `dockerd &`), or point GitGrader at a running engine with DOCKER_HOST or --docker-host.",
        ex);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string message;
        try
        {
            message = JsonSerializer.Deserialize(text, DockerJsonContext.Default.ErrorResponse)?.Message ?? text;
        }
        catch (JsonException)
        {
            message = text;
        }

        throw new DockerApiException(operation, response.StatusCode, message.Trim());
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
        return value ?? throw new DockerApiException($"The Docker engine sent an empty answer where a {typeof(T).Name} was expected.");
    }
}
