using System.Security.Cryptography.X509Certificates;
using GitGrader.Classroom;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GitGrader.Web.Invitations;

/// <summary>Wires the invitation links of <c>serve</c>: <see cref="AddInvitations"/> and <see cref="MapInvitations"/>.</summary>
public static class InvitationEndpoints
{
    /// <summary>
    /// Options (section <c>Serve</c>, validated at start), Data Protection with its keys in <c>Serve:KeysFolder</c> (shared by
    /// every serve process; encrypted at rest with <c>Serve:KeysCertificate</c> when one is given), antiforgery for the claim form, and the flow. Needs <see cref="Provisioning.IRepositoryProvisioner"/>,
    /// the store and the course registered.
    /// </summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(InvitationOptions.ConfigurationKey);
        services.AddOptions<InvitationOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InvitationOptions>, InvitationOptionsValidator>();
        var keys = new DirectoryInfo(Path.GetFullPath(section[nameof(InvitationOptions.KeysFolder)] is { Length: > 0 } folder ? folder : new InvitationOptions().KeysFolder));
        var protection = services.AddDataProtection().SetApplicationName("GitGrader").PersistKeysToFileSystem(keys);
        if (LoadOrNull(section, nameof(InvitationOptions.KeysCertificate), nameof(InvitationOptions.KeysCertificatePassword)) is { } certificate)
        {
            // Encrypts each new key with the certificate and decrypts with it (no certificate store needed); the previous one
            // only decrypts. Kept for the life of the process, as Data Protection holds them.
            protection.ProtectKeysWithCertificate(certificate);
            if (LoadOrNull(section, nameof(InvitationOptions.KeysPreviousCertificate), nameof(InvitationOptions.KeysPreviousCertificatePassword)) is { } previous)
            {
                protection.UnprotectKeysWithAnyCertificate(previous);
            }
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gitgrader-form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "form-token";
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<InvitationOptions>>((o, invitations) =>
            o.Cookie.SecurePolicy = invitations.Value.BaseUrl.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.TryAddSingleton<LinkedRoster>();
        services.AddSingleton<SignInCookies>();
        services.AddSingleton<ProvisioningJobs>();
        services.AddSingleton<InvitationFlow>();
        return services;
    }

    /// <summary>Maps <c>/a/{slug}</c> (and its pages) and the sign-in callback <c>/oauth/callback</c>.</summary>
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/a/{slug}", (HttpContext c, string slug, InvitationFlow flow) => flow.Landing(c, slug));
        app.MapGet("/a/{slug}/signin", (HttpContext c, string slug, InvitationFlow flow) => flow.SignIn(c, slug));
        app.MapGet("/" + InvitationOptions.CallbackPath, (HttpContext c, InvitationFlow flow, CancellationToken ct) => flow.CallbackAsync(c, ct));
        app.MapGet("/a/{slug}/accept", (HttpContext c, string slug, InvitationFlow flow, CancellationToken ct) => flow.AcceptAsync(c, slug, ct));
        app.MapGet("/a/{slug}/confirm", (HttpContext c, string slug, string? identifier, InvitationFlow flow, CancellationToken ct) => flow.ConfirmAsync(c, slug, identifier, ct));
        app.MapPost("/a/{slug}/claim", (HttpContext c, string slug, InvitationFlow flow, CancellationToken ct) => flow.ClaimAsync(c, slug, ct));
        app.MapGet("/a/{slug}/status", (HttpContext c, string slug, InvitationFlow flow, CancellationToken ct) => flow.StatusAsync(c, slug, ct));
        app.MapGet("/a/{slug}/retry", (HttpContext c, string slug, InvitationFlow flow, CancellationToken ct) => flow.RetryAsync(c, slug, ct));
        return app;
    }

    /// <summary>
    /// The certificate a setting names, or null when it names none or one that cannot be used: <see cref="InvitationOptionsValidator"/>
    /// says what is wrong with it at start, naming the key, and serve does not start.
    /// </summary>
    private static X509Certificate2? LoadOrNull(IConfiguration section, string key, string passwordKey)
    {
        if (section[key] is not { Length: > 0 } path)
        {
            return null;
        }

        try
        {
            return KeysCertificate.Load(path, section[passwordKey], $"{InvitationOptions.ConfigurationKey}:{passwordKey}");
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
