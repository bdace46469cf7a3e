using Carnet.Persistence;

namespace Carnet.Records.Enrolment;

/// <summary>Activation: the person types the one-time code they received. Wrong attempts are counted even when refused.</summary>
public sealed class ConfirmContact(CarnetDbContext db, ActivationSessions sessions, TimeProvider clock)
{
    public sealed record Request(string? ActivationToken, ContactChannel Channel, string? Code);

    public async Task HandleAsync(Request request, CancellationToken ct)
    {
        var session = await sessions.FindAsync(request.ActivationToken, ct);
        try
        {
            session.Confirm(request.Channel, request.Code, clock.GetUtcNow());
        }
        finally
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
