using System.Text.Json.Serialization;

namespace GitGrader.Web.Invitations;

/// <summary>Source-generated JSON of the protected cookies' payloads.</summary>
[JsonSerializable(typeof(PendingSignIn))]
[JsonSerializable(typeof(StudentSession))]
internal sealed partial class InvitationJsonContext : JsonSerializerContext;
