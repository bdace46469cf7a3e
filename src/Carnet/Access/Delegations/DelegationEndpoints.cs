using Carnet.Identifiers;
using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Access.Delegations;

/// <summary>
/// HTTP for caregivers and second representatives (holder session, mapped under <c>/api</c> behind the
/// health-data policy), and for guardianships (operator, under <c>/api/admin</c>).
/// </summary>
public static class DelegationEndpoints
{
    public sealed record Invitation(string Login);

    public sealed record InvitationView(Guid Id, Guid RecordId, DelegationStatus Status, DateTimeOffset ExpiresAt);

    public sealed record GuardianshipRequest(string WardNir, string GuardianNir);

    public sealed record GuardianshipView(Guid Id, Guid RecordId, DateTimeOffset StartedAt);

    public static RouteGroupBuilder MapDelegationEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/records/{recordId:guid}/caregivers", ListCaregiversAsync).WithSummary("The record's caregivers and invitations (for its holder or representative, never for a caregiver).");
        group.MapPost("/records/{recordId:guid}/caregivers/invitations", InviteCaregiverAsync).WithSummary("Invite a caregiver by the login of their Carnet account; at most 3 caregivers, invitations waiting included.");
        group.MapDelete("/records/{recordId:guid}/caregivers/{linkId:guid}", RevokeCaregiverAsync).WithSummary("Remove a caregiver (or withdraw an invitation); effective at their next request.");
        group.MapPost("/caregiver-invitations/{linkId:guid}/accept", AcceptCaregiverAsync).WithSummary("Accept to help; a caregiver helps at most 5 people.");
        group.MapPost("/caregiver-invitations/{linkId:guid}/refuse", RefuseCaregiverAsync).WithSummary("Refuse to help.");
        group.MapGet("/helped", HelpedAsync).WithSummary("The people the caller helps, and the invitations waiting for them.");
        group.MapDelete("/helped/{recordId:guid}", WithdrawAsync).WithSummary("Stop helping this person; effective at the next request.");
        group.MapPost("/records/{recordId:guid}/representatives/invitations", InviteRepresentativeAsync).WithSummary("A minor's representative invites a second one by the login of their Carnet account.");
        group.MapPost("/representative-invitations/{invitationId:guid}/accept", AcceptRepresentativeAsync).WithSummary("Accept to represent the child, until their majority.");
        group.MapPost("/representative-invitations/{invitationId:guid}/refuse", RefuseRepresentativeAsync).WithSummary("Refuse to represent the child.");
        group.MapDelete("/representative-invitations/{invitationId:guid}", EndRepresentationAsync).WithSummary("The inviter revokes (or the invited representative withdraws).");
        return group;
    }

    public static RouteGroupBuilder MapGuardianshipAdminEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/", RegisterGuardianshipAsync).WithSummary("Register the guardian of a protected adult (no end date).");
        group.MapDelete("/{guardianshipId:guid}", EndGuardianshipAsync).WithSummary("End a guardianship.");
        return group;
    }

    private static Caller CallerOf(HttpContext http) => Caller.From(http.User)!;

    private static async Task<Ok<IReadOnlyList<ShowCaregivers.Caregiver>>> ListCaregiversAsync(HttpContext http, Guid recordId, ShowCaregivers handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.OfRecordAsync(CallerOf(http), recordId, ct));

    private static async Task<Created<InvitationView>> InviteCaregiverAsync(HttpContext http, Guid recordId, Invitation body, InviteCaregiver handler, CancellationToken ct)
    {
        var link = await handler.HandleAsync(CallerOf(http), new InviteCaregiver.Request(recordId, body.Login), ct);
        return TypedResults.Created($"/api/records/{recordId}/caregivers/{link.Id}", new InvitationView(link.Id, link.HolderRecordId, link.Status, link.ExpiresAt));
    }

    private static async Task<NoContent> RevokeCaregiverAsync(HttpContext http, Guid recordId, Guid linkId, EndCaregiving handler, CancellationToken ct)
    {
        await handler.RevokeAsync(CallerOf(http), recordId, linkId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<InvitationView>> AcceptCaregiverAsync(HttpContext http, Guid linkId, AnswerCaregiverInvitation handler, CancellationToken ct)
    {
        var link = await handler.AcceptAsync(CallerOf(http), linkId, ct);
        return TypedResults.Ok(new InvitationView(link.Id, link.HolderRecordId, link.Status, link.ExpiresAt));
    }

    private static async Task<Ok<InvitationView>> RefuseCaregiverAsync(HttpContext http, Guid linkId, AnswerCaregiverInvitation handler, CancellationToken ct)
    {
        var link = await handler.RefuseAsync(CallerOf(http), linkId, ct);
        return TypedResults.Ok(new InvitationView(link.Id, link.HolderRecordId, link.Status, link.ExpiresAt));
    }

    private static async Task<Ok<IReadOnlyList<ShowCaregivers.Helped>>> HelpedAsync(HttpContext http, ShowCaregivers handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HelpedAsync(CallerOf(http), ct));

    private static async Task<NoContent> WithdrawAsync(HttpContext http, Guid recordId, EndCaregiving handler, CancellationToken ct)
    {
        await handler.WithdrawAsync(CallerOf(http), recordId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<InvitationView>> InviteRepresentativeAsync(HttpContext http, Guid recordId, Invitation body, InviteRepresentative handler, CancellationToken ct)
    {
        var invitation = await handler.HandleAsync(CallerOf(http), new InviteRepresentative.Request(recordId, body.Login), ct);
        return TypedResults.Created($"/api/representative-invitations/{invitation.Id}", new InvitationView(invitation.Id, invitation.RecordId, invitation.Status, invitation.ExpiresAt));
    }

    private static async Task<Ok<InvitationView>> AcceptRepresentativeAsync(HttpContext http, Guid invitationId, AnswerRepresentativeInvitation handler, CancellationToken ct)
    {
        var invitation = await handler.AcceptAsync(CallerOf(http), invitationId, ct);
        return TypedResults.Ok(new InvitationView(invitation.Id, invitation.RecordId, invitation.Status, invitation.ExpiresAt));
    }

    private static async Task<Ok<InvitationView>> RefuseRepresentativeAsync(HttpContext http, Guid invitationId, AnswerRepresentativeInvitation handler, CancellationToken ct)
    {
        var invitation = await handler.RefuseAsync(CallerOf(http), invitationId, ct);
        return TypedResults.Ok(new InvitationView(invitation.Id, invitation.RecordId, invitation.Status, invitation.ExpiresAt));
    }

    private static async Task<NoContent> EndRepresentationAsync(HttpContext http, Guid invitationId, EndCoRepresentation handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), invitationId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<GuardianshipView>> RegisterGuardianshipAsync(HttpContext http, GuardianshipRequest body, RegisterGuardianship handler, CancellationToken ct)
    {
        var guardianship = await handler.HandleAsync(Nir.Parse(body.WardNir), Nir.Parse(body.GuardianNir), CallerOf(http).AccountId?.ToString() ?? "", ct);
        return TypedResults.Created($"/api/admin/guardianships/{guardianship.Id}", new GuardianshipView(guardianship.Id, guardianship.RecordId, guardianship.StartedAt));
    }

    private static async Task<NoContent> EndGuardianshipAsync(HttpContext http, Guid guardianshipId, RegisterGuardianship handler, CancellationToken ct)
    {
        await handler.EndAsync(guardianshipId, CallerOf(http).AccountId?.ToString() ?? "", ct);
        return TypedResults.NoContent();
    }
}
