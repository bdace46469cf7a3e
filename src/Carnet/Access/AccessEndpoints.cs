using Carnet.Identifiers;
using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carnet.Access;

/// <summary>
/// HTTP for access choices. The holder's side is mapped under <c>/api/records/{recordId}/access</c>; the
/// professional's side (consent, secret connection, emergency access, blocking as an administrator) under
/// <c>/api/access</c>. Both behind the health-data policy; refusals look like "not found".
/// </summary>
public static class AccessEndpoints
{
    public static RouteGroupBuilder MapAccessEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", ShowAsync).WithSummary("What the holder decided: emergency settings, hiding of new documents, professionals authorised, blocked, in a role, recent emergency accesses.");
        group.MapPut("/settings", ChangeSettingsAsync).WithSummary("Change the emergency toggles (SAMU/centre 15, break-the-glass, hidden documents in emergencies) and 'hide new documents from professionals'. Unset fields stay.");
        group.MapPost("/authorizations", AuthorizeAsync).WithSummary("Authorise a professional (RPPS number).");
        group.MapDelete("/authorizations/{professional}", WithdrawAsync).WithSummary("Withdraw a professional's authorisation: an objection a later deposit does not undo.");
        group.MapPost("/blocks", BlockAsync).WithSummary("Block a professional (RPPS number): no access at all, in every mode.");
        group.MapDelete("/blocks/{professional}", UnblockAsync).WithSummary("Lift a block. Access does not come back: the professional needs a new consent.");
        group.MapPut("/roles/{role}", DeclareRoleAsync).WithSummary("Name a professional in a role: attendingPhysician, referenceMidwife, correspondentPharmacist or administrator.");
        group.MapDelete("/roles/{role}/{professional}", EndRoleAsync).WithSummary("End a professional's role.");
        return group;
    }

    public static RouteGroupBuilder MapProfessionalAccessEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/consents", ConsentAsync).WithSummary("Record the holder's consent, given during a consultation (professionals and their software).");
        group.MapPost("/secret-connections", SecretConnectionAsync).WithSummary("Open a secret connection with a minor: what you deposit meanwhile is hidden from the legal representatives.");
        group.MapPost("/emergency-accesses", EmergencyAsync).WithSummary("Open an emergency access in the call's access mode (bris_de_glace or centre_15), when the holder allows it.");
        group.MapPost("/blocks", BlockAsAdministratorAsync).WithSummary("Block another professional on a record where you hold a role (médecin traitant, administrator…).");
        return group;
    }

    public sealed record ProfessionalChoice(string Professional);

    public sealed record Patient(string System, string Value);

    public sealed record PatientAndProfessional(string System, string Value, string Professional);

    public sealed record Consented(Guid RecordId, bool Created);

    public sealed record SecretConnectionOpened(Guid RecordId, DateTimeOffset ExpiresAt);

    public sealed record EmergencyAccessOpened(Guid RecordId, string Mode, DateTimeOffset ExpiresAt);

    private static Caller CallerOf(HttpContext http) => Caller.From(http.User)!;

    private static Ins InsOf(HttpContext http, string? system, string? value) =>
        Ins.Parse(system, value, http.RequestServices.GetRequiredService<IOptions<InsOptions>>().Value.AllowTestAuthorities, "system/value");

    private static async Task<Ok<ShowAccessChoices.Result>> ShowAsync(HttpContext http, Guid recordId, ShowAccessChoices handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(CallerOf(http), recordId, ct));

    private static async Task<Ok<ShowAccessChoices.Result>> ChangeSettingsAsync(HttpContext http, Guid recordId, ChangeAccessSettings.Request request, ChangeAccessSettings handler, ShowAccessChoices show, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), recordId, request, ct);
        return TypedResults.Ok(await show.HandleAsync(CallerOf(http), recordId, ct));
    }

    private static async Task<NoContent> AuthorizeAsync(HttpContext http, Guid recordId, ProfessionalChoice choice, AuthorizeProfessional handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), recordId, choice.Professional, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> WithdrawAsync(HttpContext http, Guid recordId, string professional, WithdrawAuthorization handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), recordId, professional, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> BlockAsync(HttpContext http, Guid recordId, ProfessionalChoice choice, BlockProfessional handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), recordId, choice.Professional, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnblockAsync(HttpContext http, Guid recordId, string professional, UnblockProfessional handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), recordId, professional, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeclareRoleAsync(HttpContext http, Guid recordId, CareRole role, ProfessionalChoice choice, DeclareCareRole handler, CancellationToken ct)
    {
        await handler.DeclareAsync(CallerOf(http), recordId, role, choice.Professional, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EndRoleAsync(HttpContext http, Guid recordId, CareRole role, string professional, DeclareCareRole handler, CancellationToken ct)
    {
        await handler.EndAsync(CallerOf(http), recordId, role, professional, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Consented>> ConsentAsync(HttpContext http, Patient patient, RecordConsent handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(CallerOf(http), InsOf(http, patient.System, patient.Value), ct);
        return TypedResults.Ok(new Consented(result.RecordId, result.Created));
    }

    private static async Task<Ok<SecretConnectionOpened>> SecretConnectionAsync(HttpContext http, Patient patient, OpenSecretConnection handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(CallerOf(http), InsOf(http, patient.System, patient.Value), ct);
        return TypedResults.Ok(new SecretConnectionOpened(result.RecordId, result.ExpiresAt));
    }

    private static async Task<Ok<EmergencyAccessOpened>> EmergencyAsync(HttpContext http, Patient patient, OpenEmergencyAccess handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(CallerOf(http), InsOf(http, patient.System, patient.Value), ct);
        return TypedResults.Ok(new EmergencyAccessOpened(result.RecordId, AccessModes.Name(result.Mode), result.ExpiresAt));
    }

    private static async Task<NoContent> BlockAsAdministratorAsync(HttpContext http, PatientAndProfessional request, BlockProfessional handler, Persistence.CarnetDbContext db, CancellationToken ct)
    {
        var ins = InsOf(http, request.System, request.Value);
        var recordId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Records.Where(r => r.Nir == ins.Nir && r.InsAuthority == ins.Authority).Select(r => (Guid?)r.Id), ct);
        await handler.HandleAsync(CallerOf(http), recordId ?? Guid.Empty, request.Professional, ct);
        return TypedResults.NoContent();
    }

}
