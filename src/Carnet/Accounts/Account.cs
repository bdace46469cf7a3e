using Microsoft.AspNetCore.Identity;

namespace Carnet.Accounts;

/// <summary>
/// A person's sign-in account (ASP.NET Core Identity). A holder's account is created at activation
/// and linked to their own record; representatives reach other records through representations.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    public AccountKind Kind { get; set; }

    /// <summary>The holder's own record, for holder accounts.</summary>
    public Guid? HolderRecordId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? TermsAcceptedAt { get; set; }
}
