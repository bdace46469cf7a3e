using System.Security.Claims;
using Carnet.Accounts;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.Sessions;

/// <summary>
/// Opens a stored session for a person whose identity is proven, and builds the principal the cookie
/// carries. It is the seam every way of proving identity ends in: password + code today, passkeys, and an
/// external identity provider for professionals (docs/adr/0009).
/// </summary>
public sealed class StartSession(CarnetDbContext db, TimeProvider clock, IOptions<SignInOptions> options)
{
    public sealed record Request(Account Account, string Methods, string? Device);

    public sealed record Result(Guid SessionId, CallerKind Kind, string DisplayName, DateTimeOffset ExpiresAt, ClaimsPrincipal Principal);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var account = request.Account;
        var displayName = account.UserName ?? "";
        Professionals.Professional? professional = null;
        if (account.HolderRecordId is { } recordId)
        {
            displayName = await db.Records.Where(r => r.Id == recordId).Select(r => r.GivenNames + " " + r.FamilyName).SingleAsync(ct);
        }
        else if (account.ProfessionalId is { } professionalId)
        {
            professional = await db.Professionals.AsNoTracking().SingleAsync(p => p.Id == professionalId, ct);
            displayName = professional.DisplayName;
        }

        var session = AccountSession.Start(account.Id, DeviceName(request.Device), request.Methods, clock.GetUtcNow(), options.Value.SessionLifetime);
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync(ct);
        var principal = SessionPrincipal.Create(account, session, displayName, professional);
        return new Result(session.Id, Caller.From(principal)!.Kind, displayName, session.ExpiresAt, principal);
    }

    /// <summary>A short, recognisable name for the device list, from the User-Agent (never the whole string).</summary>
    public static string DeviceName(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var browser = Find(userAgent, ("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"), ("curl/", "curl")) ?? "Browser";
        var system = Find(userAgent, ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS", "macOS"), ("Linux", "Linux"));
        return system is null ? browser : $"{browser} on {system}";
    }

    private static string? Find(string userAgent, params (string Marker, string Name)[] candidates) =>
        candidates.FirstOrDefault(c => userAgent.Contains(c.Marker, StringComparison.OrdinalIgnoreCase)).Name;
}
