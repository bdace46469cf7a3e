using Carnet.Accounts;
using Carnet.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.People;

/// <summary>
/// Keeps an account's authenticator secret protected with Data Protection (whose key ring is itself
/// encrypted under the master key), and checks authenticator codes against it.
/// </summary>
public sealed class AuthenticatorKeys(CarnetDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Issuer = "Carnet";
    private readonly IDataProtector _protector = protection.CreateProtector("Carnet.SignIn.AuthenticatorKey.v1");

    /// <summary>Gives the account a new secret; returns the key URI to show once as a QR code.</summary>
    public string Enrol(Account account)
    {
        var secret = Totp.NewSecret();
        account.AuthenticatorKey = Convert.ToBase64String(_protector.Protect(secret));
        account.LastTotpStep = null;
        return Totp.KeyUri(Issuer, account.UserName ?? account.Id.ToString(), secret);
    }

    /// <summary>
    /// True when the code is the current one and was not used yet. Its step is claimed with a conditional
    /// update, so the same code sent twice at once to two nodes passes only once.
    /// </summary>
    public async Task<bool> VerifyAsync(Account account, string? code, CancellationToken ct)
    {
        if (account.AuthenticatorKey is null)
        {
            return false;
        }

        var secret = _protector.Unprotect(Convert.FromBase64String(account.AuthenticatorKey));
        var step = Totp.Verify(secret, code, clock.GetUtcNow(), account.LastTotpStep);
        if (step is null)
        {
            return false;
        }

        var claimed = await db.Users
            .Where(a => a.Id == account.Id && (a.LastTotpStep == null || a.LastTotpStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LastTotpStep, step), ct);
        return claimed == 1;
    }
}
