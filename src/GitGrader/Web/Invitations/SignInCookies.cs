using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GitGrader.Web.Invitations;

/// <summary>
/// The two cookies of the invitation pages, each protected (encrypted and signed) by ASP.NET Core Data Protection with a
/// lifetime, HttpOnly, SameSite=Lax, Secure when <c>Serve:PublicUrl</c> is https: the sign-in under way (state and PKCE
/// verifier, 10 minutes, single use) and who is signed in (<see cref="InvitationOptions.SessionLifetime"/>).
/// </summary>
internal sealed class SignInCookies
{
    /// <summary>The sign-in under way.</summary>
    public const string PendingName = "gitgrader-signin";

    /// <summary>Who is signed in.</summary>
    public const string SessionName = "gitgrader-student";

    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _pending;
    private readonly ITimeLimitedDataProtector _session;
    private readonly InvitationOptions _options;

    public SignInCookies(IDataProtectionProvider protection, IOptions<InvitationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(protection);
        _pending = protection.CreateProtector("GitGrader.Invitations.PendingSignIn").ToTimeLimitedDataProtector();
        _session = protection.CreateProtector("GitGrader.Invitations.Session").ToTimeLimitedDataProtector();
        _options = options.Value;
    }

    /// <summary>Starts a sign-in: a fresh state and verifier, in the cookie.</summary>
    public PendingSignIn StartSignIn(HttpContext context, string slug)
    {
        var pending = new PendingSignIn(GitHub.OAuth.Pkce.NewState(), GitHub.OAuth.Pkce.NewVerifier(), slug);
        Write(context, PendingName, _pending, pending, InvitationJsonContext.Default.PendingSignIn, PendingLifetime);
        return pending;
    }

    /// <summary>The sign-in under way (null when the cookie is missing, expired or forged), and the cookie deleted: a state is used once.</summary>
    public PendingSignIn? TakeSignIn(HttpContext context)
    {
        var pending = Read(context, PendingName, _pending, InvitationJsonContext.Default.PendingSignIn);
        context.Response.Cookies.Delete(PendingName, Options(TimeSpan.Zero));
        return pending;
    }

    /// <summary>True when <paramref name="returned"/> is the state of <paramref name="pending"/> (constant time).</summary>
    public static bool StateMatches(PendingSignIn pending, string? returned) =>
        returned is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(pending.State), System.Text.Encoding.UTF8.GetBytes(returned));

    /// <summary>Remembers who signed in.</summary>
    public void SignIn(HttpContext context, StudentSession session) =>
        Write(context, SessionName, _session, session, InvitationJsonContext.Default.StudentSession, _options.SessionLifetime);

    /// <summary>Who is signed in, or null.</summary>
    public StudentSession? Session(HttpContext context) => Read(context, SessionName, _session, InvitationJsonContext.Default.StudentSession);

    private void Write<T>(HttpContext context, string name, ITimeLimitedDataProtector protector, T value, JsonTypeInfo<T> type, TimeSpan lifetime)
    {
        var text = protector.Protect(JsonSerializer.Serialize(value, type), DateTimeOffset.UtcNow + lifetime);
        context.Response.Cookies.Append(name, text, Options(lifetime));
    }

    private static T? Read<T>(HttpContext context, string name, ITimeLimitedDataProtector protector, JsonTypeInfo<T> type)
        where T : class
    {
        if (context.Request.Cookies[name] is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(protector.Unprotect(text), type);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private CookieOptions Options(TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = _options.BaseUrl.Scheme == Uri.UriSchemeHttps,
        Path = "/",
        IsEssential = true,
        MaxAge = lifetime > TimeSpan.Zero ? lifetime : null,
    };
}
