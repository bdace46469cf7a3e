using Microsoft.AspNetCore.Identity;

namespace Carnet.Accounts;

/// <summary>
/// A person's sign-in account (ASP.NET Core Identity). A holder's account is created at activation
/// and linked to their own record; representatives reach other records through representations.
/// A professional's account is linked to their entry in the directory; an operator's to nothing.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    public AccountKind Kind { get; set; }

    /// <summary>The holder's own record, for holder accounts.</summary>
    public Guid? HolderRecordId { get; set; }

    /// <summary>The professional in the directory, for professional accounts.</summary>
    public Guid? ProfessionalId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? TermsAcceptedAt { get; set; }

    /// <summary>The TOTP secret of the authenticator app, protected with Data Protection (never stored in clear).</summary>
    public string? AuthenticatorKey { get; set; }

    /// <summary>The last TOTP time step accepted: a code cannot be used twice (RFC 6238 §5.2).</summary>
    public long? LastTotpStep { get; set; }

    /// <summary>True while the lockout set by repeated failures lasts.</summary>
    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
