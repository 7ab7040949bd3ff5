using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.Infrastructure;

namespace GitGrader.GitHubStandIn.Validation;

/// <summary>
/// The node process running <c>tests/npm/openapi-validator.mjs</c>: JSON lines in, JSON lines out, matched
/// by id. One per (script, description) per test process, shared by every stand-in and thread-safe; it
/// exits by itself when its stdin closes (this process ending).
/// </summary>
internal sealed class OpenApiSidecar
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(60);
    private static readonly ConcurrentDictionary<string, Lazy<Task<OpenApiSidecar>>> Shared = new(StringComparer.Ordinal);

    private readonly Process _process;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<JsonObject> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;
    private volatile string? _deadReason;

    private OpenApiSidecar(Process process) => _process = process;

    /// <summary>The shared sidecar for this script and description, started (and loaded) on first use; restarted if it died.</summary>
    public static async Task<OpenApiSidecar> AcquireAsync(string nodePath, string scriptPath, string description, CancellationToken cancellationToken)
    {
        var key = $"{nodePath}\n{scriptPath}\n{description}";
        while (true)
        {
            var lazy = Shared.GetOrAdd(key, _ => new Lazy<Task<OpenApiSidecar>>(() => StartAsync(nodePath, scriptPath, description)));
            OpenApiSidecar sidecar;
            try
            {
                sidecar = await lazy.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                Shared.TryRemove(new KeyValuePair<string, Lazy<Task<OpenApiSidecar>>>(key, lazy));
                throw;
            }

            if (sidecar._deadReason is null)
            {
                return sidecar;
            }

            Shared.TryRemove(new KeyValuePair<string, Lazy<Task<OpenApiSidecar>>>(key, lazy));
        }
    }

    /// <summary>Checks one request; <paramref name="path"/> is relative to the API root and may be percent-encoded.</summary>
    public Task<ValidationOutcome> CheckAsync(string method, string path, IReadOnlyDictionary<string, string[]> query, JsonNode? body, CancellationToken cancellationToken) =>
        ExchangeAsync(id => SerializeRequest(id, method, path, query, body), cancellationToken);

    /// <summary>Checks an answer's body against the operation's response schema for <paramref name="status"/>.</summary>
    public Task<ValidationOutcome> CheckResponseAsync(string method, string path, int status, JsonNode? body, CancellationToken cancellationToken) =>
        ExchangeAsync(id => SerializeResponse(id, method, path, status, body), cancellationToken);

    /// <summary>Checks a webhook payload against the description's <c>x-webhooks</c> schema of that event and action.</summary>
    public Task<ValidationOutcome> CheckWebhookAsync(string eventName, string? action, JsonNode body, CancellationToken cancellationToken) =>
        ExchangeAsync(id => Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", id);
            writer.WriteStartObject("webhook");
            writer.WriteString("event", eventName);
            writer.WriteString("action", action);
            writer.WritePropertyName("body");
            body.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }), cancellationToken);

    private async Task<ValidationOutcome> ExchangeAsync(Func<long, string> serialize, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            var line = serialize(id);
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                ThrowIfDead();
                await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
                await _process.StandardInput.FlushAsync(cancellationToken);
            }
            finally
            {
                _writeLock.Release();
            }

            var result = await answer.Task.WaitAsync(CheckTimeout, cancellationToken);
            return Parse(result);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The OpenAPI validator died: {DeadMessage()}", e);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private static async Task<OpenApiSidecar> StartAsync(string nodePath, string scriptPath, string description)
    {
        var startInfo = ProcessRunner.CreateStartInfo(nodePath, [scriptPath, "--spec", description], Path.GetDirectoryName(scriptPath), null);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.StandardInputEncoding = new UTF8Encoding(false);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start {nodePath}.");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start node ('{nodePath}') for the OpenAPI validator: {e.Message}. Install node 20+ or set StandInOptions.NodePath.", e);
        }

        var sidecar = new OpenApiSidecar(process);
        _ = Task.Run(sidecar.ReadStandardOutputAsync);
        _ = Task.Run(sidecar.ReadStandardErrorAsync);
        JsonObject ready;
        try
        {
            ready = await sidecar._ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException e)
        {
            ProcessRunner.TryKill(process);
            throw new InvalidOperationException($"The OpenAPI validator did not load {description} within {StartTimeout.TotalSeconds} s. {sidecar.DeadMessage()}", e);
        }

        if (ready["ready"]?.GetValue<bool>() != true)
        {
            ProcessRunner.TryKill(process);
            throw new InvalidOperationException($"The OpenAPI validator could not start: {ready["error"]?.GetValue<string>()} {sidecar.DeadMessage()}");
        }

        return sidecar;
    }

    private static string SerializeResponse(long id, string method, string path, int status, JsonNode? body) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WriteString("path", path);
        writer.WriteStartObject("response");
        writer.WriteNumber("status", status);
        writer.WritePropertyName("body");
        WriteNode(writer, body);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static string SerializeRequest(long id, string method, string path, IReadOnlyDictionary<string, string[]> query, JsonNode? body) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WriteString("path", path);
        writer.WriteStartObject("query");
        foreach (var (key, values) in query)
        {
            if (values.Length == 1)
            {
                writer.WriteString(key, values[0]);
            }
            else
            {
                writer.WriteStartArray(key);
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
        writer.WritePropertyName("body");
        WriteNode(writer, body);
        writer.WriteEndObject();
    });

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ValidationOutcome Parse(JsonObject answer) => new(
        answer["match"]?.GetValue<string>() ?? (answer["ok"]?.GetValue<bool>() == true ? "ok" : "invalid"),
        answer["operation"]?.GetValue<string>(),
        answer["template"]?.GetValue<string>(),
        answer["errors"] is JsonArray errors ? errors.Select(e => e?.GetValue<string>() ?? string.Empty).ToList() : []);

    private async Task ReadStandardOutputAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject message)
                {
                    continue;
                }

                if (message.ContainsKey("ready"))
                {
                    _ready.TrySetResult(message);
                }
                else if (message["id"] is JsonValue idValue && idValue.TryGetValue<long>(out var id) && _pending.TryGetValue(id, out var waiter))
                {
                    waiter.TrySetResult(message);
                }
            }
        }
        catch (Exception e) when (e is IOException or JsonException or ObjectDisposedException)
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Message);
            }
        }

        await _process.WaitForExitAsync();
        _deadReason = $"node exited with code {_process.ExitCode}";
        var failure = new InvalidOperationException($"The OpenAPI validator died: {DeadMessage()}");
        _ready.TrySetException(failure);
        foreach (var waiter in _pending.Values)
        {
            waiter.TrySetException(failure);
        }
    }

    private async Task ReadStandardErrorAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_stderr)
                {
                    if (_stderr.Length < 16_384)
                    {
                        _stderr.AppendLine(line);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process is gone; ReadStandardOutputAsync reports it.
        }
    }

    private void ThrowIfDead()
    {
        if (_deadReason is not null)
        {
            throw new InvalidOperationException($"The OpenAPI validator died: {DeadMessage()}");
        }
    }

    private string DeadMessage()
    {
        lock (_stderr)
        {
            var stderr = _stderr.ToString().Trim();
            return (_deadReason ?? "still running") + (stderr.Length > 0 ? $"; stderr: {stderr}" : string.Empty);
        }
    }
}
