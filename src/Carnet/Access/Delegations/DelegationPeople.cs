using Carnet.Accounts;
using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access.Delegations;

/// <summary>
/// Finds the person invited. Invitees are named by the login of their Carnet holder account: a login is
/// unique and says nothing about health, while an e-mail address may be shared in a family (a child's
/// record often carries a parent's address) and a NIR would have the inviter type personal data.
/// </summary>
internal static class DelegationPeople
{
    public static async Task<HealthRecord> InviteeAsync(CarnetDbContext db, string login, CancellationToken ct)
    {
        var normalized = login.Trim().ToUpperInvariant();
        var recordId = await db.Users.AsNoTracking()
            .Where(a => a.NormalizedUserName == normalized && a.Kind == AccountKind.Holder && a.HolderRecordId != null)
            .Select(a => a.HolderRecordId)
            .FirstOrDefaultAsync(ct);
        return await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.State == RecordState.Open, ct)
            ?? throw new DelegationException(DelegationException.InviteeNotFound, "No activated Carnet account has this login: check it with the person (it is shown on their Carnet home page), or ask them to activate their record first.");
    }
}
