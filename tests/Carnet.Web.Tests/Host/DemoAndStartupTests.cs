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
    public async Task Demo_records_hold_documents_to_look_at_one_of_them_hidden_from_professionals()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:Demo:Seed"] = "true" });
        app.StartServer();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        var jeanne = await db.Records.SingleAsync(r => r.GivenNames == "Jeanne");
        var leo = await db.Records.SingleAsync(r => r.GivenNames == "Léo");

        var documents = await db.Documents.Where(d => d.RecordId == jeanne.Id).ToListAsync();

        documents.Count.ShouldBe(4);
        documents.ShouldContain(d => d.DepositorKind == Carnet.Audit.ActorKind.Holder, "a document of her own");
        documents.Count(d => d.HiddenFromProfessionals).ShouldBe(1);
        documents.ShouldAllBe(d => d.ContentType == "application/pdf");
        (await db.Documents.CountAsync(d => d.RecordId == leo.Id)).ShouldBe(1);
    }

    [Fact]
    public void A_demo_pdf_is_well_formed_every_cross_reference_points_at_its_object()
    {
        var pdf = Carnet.Web.Demo.DemoPdf.Create("Bilan sanguin", ["Hémoglobine : 13,2 g/dL", "(parenthèses) et \\ barre"]);
        var text = System.Text.Encoding.Latin1.GetString(pdf);

        text.ShouldStartWith("%PDF-1.4");
        text.ShouldEndWith("%%EOF\n");
        text.ShouldContain("(H\u00e9moglobine : 13,2 g/dL) Tj", customMessage: "accents in Latin-1 (WinAnsi)");
        text.ShouldContain("(\\(parenth\u00e8ses\\) et \\\\ barre) Tj", customMessage: "parentheses and backslashes escaped");
        var startXref = long.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        var table = text[(int)startXref..].Split('\n');
        table[0].ShouldBe("xref");
        for (var i = 1; i <= 5; i++)
        {
            var offset = int.Parse(table[2 + i][..10], System.Globalization.CultureInfo.InvariantCulture);
            text[offset..].ShouldStartWith($"{i} 0 obj");
        }

        var length = int.Parse(System.Text.RegularExpressions.Regex.Match(text, "/Length (\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var streamStart = text.IndexOf("stream\n", StringComparison.Ordinal) + 7;
        text[(streamStart + length)..].ShouldStartWith("\nendstream");
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
