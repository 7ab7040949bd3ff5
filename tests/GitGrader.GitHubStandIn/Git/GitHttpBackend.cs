using System.Diagnostics;
using System.Globalization;
using System.Text;
using GitGrader.GitHubStandIn.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace GitGrader.GitHubStandIn.Git;

/// <summary>Serves one smart-HTTP request through <c>git http-backend</c> as a CGI program, streaming both bodies.</summary>
internal sealed class GitHttpBackend(GitRepositories repositories)
{
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Runs the backend for the request; returns its exit code.</summary>
    public async Task<int> ServeAsync(HttpContext context, string pathInfo, string remoteUser, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var environment = new Dictionary<string, string?>(repositories.BaseEnvironment)
        {
            ["GIT_PROJECT_ROOT"] = repositories.ProjectRoot,
            ["GIT_HTTP_EXPORT_ALL"] = "1",
            ["GATEWAY_INTERFACE"] = "CGI/1.1",
            ["SERVER_PROTOCOL"] = request.Protocol,
            ["SERVER_SOFTWARE"] = "GitGrader.GitHubStandIn",
            ["PATH_INFO"] = pathInfo,
            ["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
            ["REQUEST_METHOD"] = request.Method,
            ["CONTENT_TYPE"] = request.ContentType ?? string.Empty,
            ["CONTENT_LENGTH"] = request.ContentLength?.ToString(CultureInfo.InvariantCulture),
            ["REMOTE_USER"] = remoteUser,
            ["REMOTE_ADDR"] = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            // http-backend inflates gzip request bodies itself when told the encoding.
            ["HTTP_CONTENT_ENCODING"] = request.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding ? encoding : null,
            ["HTTP_GIT_PROTOCOL"] = request.Headers["Git-Protocol"].ToString() is { Length: > 0 } protocol ? protocol : null,
        };
        var startInfo = ProcessRunner.CreateStartInfo(repositories.GitPath, ["http-backend"], repositories.ProjectRoot, environment);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var process = new Process { StartInfo = startInfo };
        process.Start();
        using var registration = cancellationToken.Register(() => ProcessRunner.TryKill(process));

        var input = CopyRequestBodyAsync(request.Body, process.StandardInput.BaseStream, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var output = process.StandardOutput.BaseStream;

        var (headers, rest) = await ReadCgiHeadersAsync(output, cancellationToken);
        if (headers is null)
        {
            await process.WaitForExitAsync(cancellationToken);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync($"git http-backend failed ({process.ExitCode}): {await errors}", cancellationToken);
            return process.ExitCode;
        }

        ApplyHeaders(context.Response, headers);
        await context.Response.Body.WriteAsync(rest, cancellationToken);
        await output.CopyToAsync(context.Response.Body, cancellationToken);
        await input;
        await process.WaitForExitAsync(cancellationToken);
        await errors;
        return process.ExitCode;
    }

    private static async Task CopyRequestBodyAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, cancellationToken);
        }
        catch (IOException)
        {
            // The backend stopped reading (it answered an error); its answer says why.
        }
        finally
        {
            try
            {
                await to.DisposeAsync();
            }
            catch (IOException)
            {
                // Already closed by the backend.
            }
        }
    }

    private static async Task<(List<(string Name, string Value)>? Headers, ReadOnlyMemory<byte> Remainder)> ReadCgiHeadersAsync(Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var collected = new MemoryStream();
        while (collected.Length < MaxHeaderBytes)
        {
            var read = await output.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return (null, ReadOnlyMemory<byte>.Empty);
            }

            collected.Write(buffer, 0, read);
            var bytes = collected.GetBuffer().AsMemory(0, (int)collected.Length);
            var (end, separatorLength) = FindBlankLine(bytes.Span);
            if (end >= 0)
            {
                var text = Encoding.ASCII.GetString(bytes.Span[..end]);
                var headers = text.Split('\n')
                    .Select(line => line.TrimEnd('\r'))
                    .Where(line => line.Contains(':', StringComparison.Ordinal))
                    .Select(line => (line[..line.IndexOf(':', StringComparison.Ordinal)].Trim(), line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                    .ToList();
                return (headers, bytes[(end + separatorLength)..].ToArray());
            }
        }

        return (null, ReadOnlyMemory<byte>.Empty);
    }

    private static (int Index, int Length) FindBlankLine(ReadOnlySpan<byte> bytes)
    {
        var crlf = bytes.IndexOf("\r\n\r\n"u8);
        var lf = bytes.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            return (crlf, 4);
        }

        return lf >= 0 ? (lf, 2) : (-1, 0);
    }

    private static void ApplyHeaders(HttpResponse response, List<(string Name, string Value)> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                var code = value.Split(' ', 2)[0];
                response.StatusCode = int.Parse(code, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentLength = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else
            {
                response.Headers.Append(name, value);
            }
        }
    }
}
