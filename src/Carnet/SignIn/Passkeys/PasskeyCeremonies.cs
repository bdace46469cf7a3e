using System.Buffers.Text;
using Carnet.Accounts;
using Carnet.Persistence;
using Carnet.SignIn.Challenges;
using Carnet.SignIn.People;
using Carnet.SignIn.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.Passkeys;

/// <summary>
/// Passkeys (WebAuthn) with Identity's .NET 10 handler: a signed-in person registers one on their device,
/// then signs in with it alone — the device key proves possession and the person's fingerprint, face or
/// PIN on it (user verification, required) proves it is them, so no code is sent. The ceremony state
/// travels in a stored challenge rather than Identity's cookies, so any node can finish what another began.
/// </summary>
public sealed class PasskeyCeremonies(
    CarnetDbContext db,
    SignInChallenges challenges,
    UserManager<Account> users,
    IPasskeyHandler<Account> passkeys,
    AccountLockout lockout,
    StartSession sessions,
    Mail.Outbox outbox,
    TimeProvider clock,
    IOptions<SignInOptions> options)
{
    /// <summary>What the browser passes to <c>navigator.credentials.create()</c> or <c>get()</c>, and the token to answer with.</summary>
    public sealed record Options(string CeremonyToken, string PublicKeyOptionsJson);

    public sealed record PasskeyItem(string CredentialId, string? Name, DateTimeOffset CreatedAt);

    /// <summary>Adding a passkey needs a sign-in this recent: a session left open on a shared computer cannot grow a permanent key.</summary>
    public static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(10);

    public async Task<Options> StartRegistrationAsync(Caller caller, HttpContext http, CancellationToken ct)
    {
        EnsureRecentSignIn(http);
        var account = await db.Users.AsNoTracking().SingleAsync(a => a.Id == caller.AccountId, ct);
        var created = await passkeys.MakeCreationOptionsAsync(new PasskeyUserEntity { Id = account.Id.ToString(), Name = account.UserName!, DisplayName = caller.DisplayName }, http);
        return await OpenAsync(account.Id, ChallengePurpose.PasskeyRegistration, created.AttestationState, created.CreationOptionsJson, ct);
    }

    public async Task<PasskeyItem> CompleteRegistrationAsync(Caller caller, string? ceremonyToken, string? credentialJson, string? name, HttpContext http, CancellationToken ct)
    {
        EnsureRecentSignIn(http);
        var ceremony = await challenges.FindAsync(ceremonyToken, ChallengePurpose.PasskeyRegistration, ct);
        if (ceremony.AccountId != caller.AccountId)
        {
            throw Refused("This passkey registration was started by another account. Start again from your account page.");
        }

        var result = await passkeys.PerformAttestationAsync(new PasskeyAttestationContext { CredentialJson = credentialJson ?? "", AttestationState = ceremony.CeremonyState, HttpContext = http });
        ceremony.EndCeremony(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (!result.Succeeded)
        {
            throw Refused($"The passkey could not be registered ({result.Failure.Message}). Try again, or use another device.");
        }

        var account = await users.FindByIdAsync(caller.AccountId!.Value.ToString()) ?? throw Refused("Your account is gone. Sign in again.");
        var passkey = result.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(name) ? StartSession.DeviceName(http.Request.Headers.UserAgent.ToString()) : name.Trim()[..Math.Min(name.Trim().Length, 100)];
        var saved = await users.AddOrUpdatePasskeyAsync(account, passkey);
        if (!saved.Succeeded)
        {
            throw Refused("The passkey could not be saved. Try again.");
        }

        if (account.Email is not null && account.EmailConfirmed)
        {
            var text = SignInMessages.PasskeyAdded(passkey.Name);
            outbox.Email(account.Email, text.Subject, text.Body, StartSignIn.SignInCodePurpose, account.HolderRecordId);
            await db.SaveChangesAsync(ct);
        }

        return new PasskeyItem(Base64Url.EncodeToString(passkey.CredentialId), passkey.Name, passkey.CreatedAt);
    }

    private void EnsureRecentSignIn(HttpContext http)
    {
        var signedIn = long.TryParse(http.User.FindFirst("auth_time")?.Value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
        if (clock.GetUtcNow() - signedIn > RecentSignIn)
        {
            throw new SignInRefusedException("recent_sign_in_required", "For your safety, adding a passkey needs a recent sign-in: sign out, sign in again, then add it within 10 minutes.");
        }
    }

    public async Task<Options> StartSignInAsync(HttpContext http, CancellationToken ct)
    {
        // No login first: the browser offers the passkeys it holds for this site (discoverable credentials).
        var request = await passkeys.MakeRequestOptionsAsync(null, http);
        return await OpenAsync(null, ChallengePurpose.PasskeySignIn, request.AssertionState, request.RequestOptionsJson, ct);
    }

    public async Task<StartSession.Result> CompleteSignInAsync(string? ceremonyToken, string? credentialJson, HttpContext http, CancellationToken ct)
    {
        var ceremony = await challenges.FindAsync(ceremonyToken, ChallengePurpose.PasskeySignIn, ct);
        var result = await passkeys.PerformAssertionAsync(new PasskeyAssertionContext { CredentialJson = credentialJson ?? "", AssertionState = ceremony.CeremonyState, HttpContext = http });
        ceremony.EndCeremony(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (!result.Succeeded)
        {
            throw Refused("This passkey was not accepted. Sign in with your password, or register this device's passkey again from your account page.");
        }

        var account = result.User;
        lockout.EnsureNotLocked(account);

        // The signature counter moved on: saving it lets a cloned authenticator be noticed (WebAuthn §6.1.1).
        await users.AddOrUpdatePasskeyAsync(account, result.Passkey);
        await lockout.ResetAsync(account, ct);
        return await sessions.HandleAsync(new StartSession.Request(account, "hwk user", http.Request.Headers.UserAgent.ToString()), ct);
    }

    public async Task<IReadOnlyList<PasskeyItem>> ListAsync(Caller caller, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().SingleAsync(a => a.Id == caller.AccountId, ct);
        return [.. (await users.GetPasskeysAsync(account)).Select(p => new PasskeyItem(Base64Url.EncodeToString(p.CredentialId), p.Name, p.CreatedAt))];
    }

    public async Task RemoveAsync(Caller caller, string credentialId, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(caller.AccountId!.Value.ToString()) ?? throw Refused("Your account is gone. Sign in again.");
        var id = Base64Url.IsValid(credentialId) ? Base64Url.DecodeFromChars(credentialId) : null;
        if (id is null || await users.GetPasskeyAsync(account, id) is null)
        {
            throw new SignInRefusedException("passkey_not_found", "This passkey is not one of yours. List your passkeys to see them.");
        }

        await users.RemovePasskeyAsync(account, id);
    }

    private async Task<Options> OpenAsync(Guid? accountId, ChallengePurpose purpose, string? state, string optionsJson, CancellationToken ct)
    {
        var (ceremony, token) = SignInChallenge.OpenCeremony(accountId, purpose, state ?? "", clock.GetUtcNow(), options.Value.OneTimeCodeLifetime);
        db.SignInChallenges.Add(ceremony);
        await db.SaveChangesAsync(ct);
        return new Options(token, optionsJson);
    }

    private static SignInRefusedException Refused(string message) => new("passkey_refused", message);
}
