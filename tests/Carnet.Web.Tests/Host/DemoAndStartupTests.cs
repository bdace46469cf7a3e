using Carnet.Access;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Web.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.Host;

public class DemoAndStartupTests
{
    [Fact]
    public async Task Demo_data_has_holders_a_minor_professionals_and_establishments_with_clients()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Carnet:Demo:Seed"] = "true",
        });
        using var client = app.CreateClient();
        (await client.GetStringAsync("/health")).ShouldBe("Healthy");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();

        (await db.Records.CountAsync()).ShouldBe(4);
        (await db.Records.CountAsync(r => r.ActivatedAt != null)).ShouldBe(1);
        (await db.Records.CountAsync(r => r.State == RecordState.OppositionWindow)).ShouldBe(1);
        (await db.Representations.CountAsync(r => r.Kind == RepresentationKind.ParentOfMinor)).ShouldBe(1);
        (await db.Professionals.Select(p => p.ProfessionCode).Distinct().CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        (await db.DeclaredRoles.SingleAsync()).Role.ShouldBe(CareRole.AttendingPhysician);
        (await db.Establishments.CountAsync()).ShouldBe(2);
        (await db.EstablishmentClients.CountAsync()).ShouldBe(2);
        var signIns = await File.ReadAllTextAsync(Path.Combine(app.Folder, "demo", "sign-ins.txt"));
        signIns.ShouldContain("jeanne.martin");
        signIns.ShouldContain("provisional code");
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_without_a_master_key()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Carnet:Keys:GenerateIfMissing"] = "false",
        });

        var error = Should.Throw<InvalidOperationException>(() => app.CreateClient());

        error.Message.ShouldContain("Carnet:Keys:MasterKeys");
    }
}
