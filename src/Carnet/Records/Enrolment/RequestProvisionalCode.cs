using Carnet.Persistence;
using Carnet.Records.Notices;

namespace Carnet.Records.Enrolment;

/// <summary>
/// A person asks for a new provisional code (lost, expired or used): it goes to the contact details
/// on file, never to an address given in the request. At most one every 30 seconds.
/// </summary>
public sealed class RequestProvisionalCode(CarnetDbContext db, IdentityProof proof, HolderMail holderMail)
{
    public sealed record Request(string? Nir, string? VitaleSerial);

    public async Task HandleAsync(Request request, CancellationToken ct)
    {
        var record = await proof.FindAsync(request.Nir, request.VitaleSerial, ct);
        await holderMail.SendNewCodeAsync(record, byPost: false, throttle: true, ct);
        await db.SaveChangesAsync(ct);
    }
}
