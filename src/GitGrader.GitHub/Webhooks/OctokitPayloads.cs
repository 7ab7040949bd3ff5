using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GitGrader.GitHub.Webhooks;

/// <summary>
/// Reads a delivery's body into Octokit.Webhooks' event model: strict JSON (no comments, no trailing commas, depth 64),
/// every modelled member type-checked, and none of them required.
/// </summary>
/// <remarks>
/// The models mark many members <c>required</c> that GitGrader never reads, and real deliveries miss some of them
/// (an older <c>ping</c> example has no <c>hook.deliveries_url</c>): the library would refuse those deliveries.
/// GitGrader demands what it reads itself, naming the path (<see cref="PayloadFields"/>). The modifier is applied by
/// Octokit.Webhooks' own converter to its source-generated metadata for the events it dispatches by action.
/// </remarks>
internal static class OctokitPayloads
{
    private const int MaxDepth = 64;

    private static readonly JsonSerializerOptions Options = new()
    {
        MaxDepth = MaxDepth,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequireNothing, DateGuard.Apply } },
    };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>The body as <typeparamref name="T"/>.</summary>
    /// <exception cref="WebhookPayloadException">Not JSON, not an object, or a member of the wrong type (the message names its path).</exception>
    public static T Read<T>(ReadOnlySpan<byte> body, PayloadFields need)
        where T : Octokit.Webhooks.WebhookEvent
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options) ?? throw need.Invalid("$", "is null, not an object");
        }
        catch (JsonException ex)
        {
            throw new WebhookPayloadException($"The {need.EventName} payload is not valid at {ex.Path ?? "$"}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>, an event Octokit.Webhooks dispatches by <c>action</c>; null when the
    /// action is one <paramref name="modelled"/> does not list (the body is then only checked to be JSON).
    /// </summary>
    /// <exception cref="WebhookPayloadException">Not JSON, no string <c>action</c>, or a member of the wrong type.</exception>
    public static T? ReadAction<T>(ReadOnlySpan<byte> body, PayloadFields need, FrozenSet<string> modelled, out string action)
        where T : Octokit.Webhooks.WebhookEvent
    {
        if (PeekAction(body) is not { } found)
        {
            // Not a well-formed object: the serializer names what is wrong.
            Read<T>(body, need);
            throw need.Invalid("$", "is not a JSON object");
        }

        action = found.Token switch
        {
            JsonTokenType.String when found.Value is { Length: > 0 } value => value,
            JsonTokenType.String or JsonTokenType.Null or JsonTokenType.None => throw need.Missing("$.action"),
            _ => throw need.Invalid("$.action", $"is a {found.Token}, not a string"),
        };

        if (modelled.Contains(action))
        {
            return Read<T>(body, need);
        }

        EnsureJson(body, need);
        return null;
    }

    /// <summary>
    /// The top-level <c>action</c> member's token and string (<see cref="JsonTokenType.None"/> when the object has none);
    /// null when the body is not a well-formed object up to there.
    /// </summary>
    private static (JsonTokenType Token, string? Value)? PeekAction(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAction = reader.ValueTextEquals("action"u8);
                reader.Read();
                if (isAction)
                {
                    return (reader.TokenType, reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject ? (JsonTokenType.None, null) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or a string that is not valid UTF-8: the serializer names it.
            return null;
        }
    }

    private static void EnsureJson(ReadOnlySpan<byte> body, PayloadFields need)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw new WebhookPayloadException($"The {need.EventName} payload is not valid at $: {ex.Message}", ex);
        }
    }

    private static void RequireNothing(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            property.IsRequired = false;
        }
    }
}
