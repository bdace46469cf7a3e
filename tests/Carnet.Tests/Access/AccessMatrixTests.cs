using Carnet.Access;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Records;
using Carnet.SignIn;

namespace Carnet.Tests.Access;

/// <summary>
/// The access matrix of issue #5: every actor × every operation (list, read metadata, retrieve content,
/// deposit, hide, delete) × every confidentiality code, each cell asserted, and every refusal compared with the
/// answer for something that does not exist. The expectations are written out here, cell by cell, from
/// DOMAIN.md §4–§5 and the shipped matrix (cells cited), not computed by the code under test.
/// </summary>
public class AccessMatrixTests
{
    /// <summary>The documents of the world: lab reports (11502-2) in each confidentiality, a psychiatric synthesis (68599-0) and the holder's own note.</summary>
    [Flags]
    public enum Doc
    {
        None = 0,

        /// <summary>Lab report, N.</summary>
        N = 1,

        /// <summary>Lab report, MASQUE_PS (hidden from professionals).</summary>
        M = 2,

        /// <summary>Lab report, INVISIBLE_PATIENT (deposited today: not yet visible to the holder).</summary>
        I = 4,

        /// <summary>Lab report, INVISIBLE_REPRESENTANTS_LEGAUX.</summary>
        R = 8,

        /// <summary>Psychiatric synthesis (68599-0), N: physicians only (matrix: pharmacien, infirmier, sage-femme N).</summary>
        P = 16,

        /// <summary>The holder's own note (EXPPAT_2 "autre document du patient"), N.</summary>
        H = 32,

        All = N | M | I | R | P | H,
    }

    public enum Outcome
    {
        Allowed,

        /// <summary>Refused exactly as if the document or record did not exist.</summary>
        Absent,

        /// <summary>The caller sees the document but may not do this (403 not_yours).</summary>
        Refused,
    }

    /// <summary>One actor's row: what they see, and whether they may deposit, hide the N report, delete the N report.</summary>
    public sealed record Row(string Actor, Doc Sees, Outcome Deposit, Outcome Hide, Outcome Delete);

    public static TheoryData<string> Actors => new(Rows.Select(r => r.Actor));

    // Matrix cells used (confidence): médecin × all Y (explicit); pharmacien officine × 11502-2 Y (explicit), × 68599-0 N
    // (explicit), × EXPPAT_2 Y (strong); infirmier × 11502-2 Y (explicit), × 68599-0 N (explicit), × EXPPAT_2 Y (strong);
    // sage-femme × 11502-2 Y but inferred-weak → denied, × 68599-0 N (strong), × EXPPAT_2 Y (strong); opticien × 11502-2
    // N (explicit), × EXPPAT_2 Y (explicit); physicien médical (G15 32) has no column → nothing.
    private static readonly Row[] Rows =
    [
        new("holder", Doc.N | Doc.M | Doc.R | Doc.P | Doc.H, Outcome.Allowed, Outcome.Allowed, Outcome.Refused),
        new("representative", Doc.N | Doc.M | Doc.P | Doc.H, Outcome.Allowed, Outcome.Allowed, Outcome.Refused),
        new("caregiver", Doc.N | Doc.M | Doc.P | Doc.H, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("author of the lab reports (médecin biologiste, through software)", Doc.All, Outcome.Allowed, Outcome.Refused, Outcome.Allowed),
        new("médecin with consent", Doc.N | Doc.I | Doc.R | Doc.P | Doc.H, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("pharmacien with consent", Doc.N | Doc.I | Doc.R | Doc.H, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("infirmier with consent", Doc.N | Doc.I | Doc.R | Doc.H, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("sage-femme with consent", Doc.H, Outcome.Allowed, Outcome.Absent, Outcome.Absent),
        new("opticien with consent", Doc.H, Outcome.Allowed, Outcome.Absent, Outcome.Absent),
        new("physicien médical with consent (no matrix column)", Doc.None, Outcome.Allowed, Outcome.Absent, Outcome.Absent),
        new("médecin traitant", Doc.All, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("infirmier administrator", Doc.N | Doc.M | Doc.I | Doc.R | Doc.H, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("blocked médecin (had consent)", Doc.None, Outcome.Allowed, Outcome.Absent, Outcome.Absent),
        new("médecin without consent", Doc.None, Outcome.Allowed, Outcome.Absent, Outcome.Absent),
        new("bris_de_glace, toggles as default", Doc.N | Doc.I | Doc.R | Doc.P | Doc.H, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("bris_de_glace, holder objected to it", Doc.None, Outcome.Allowed, Outcome.Absent, Outcome.Absent),
        new("bris_de_glace, hidden documents allowed in emergencies", Doc.All, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("centre_15, toggles as default", Doc.N | Doc.I | Doc.R | Doc.P | Doc.H, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("centre_15, holder objected to it", Doc.None, Outcome.Allowed, Outcome.Absent, Outcome.Absent),
        new("software acting for a médecin with consent", Doc.N | Doc.I | Doc.R | Doc.P | Doc.H, Outcome.Allowed, Outcome.Refused, Outcome.Refused),
        new("software acting for a médecin with consent, for an insurance contract", Doc.None, Outcome.Absent, Outcome.Absent, Outcome.Absent),
        new("operator", Doc.None, Outcome.Absent, Outcome.Absent, Outcome.Absent),
    ];

    [Theory]
    [MemberData(nameof(Actors))]
    public async Task Every_actor_sees_and_does_exactly_what_the_policy_allows_and_a_refusal_looks_like_absence(string actor)
    {
        var row = Rows.Single(r => r.Actor == actor);
        await using var world = await AccessWorld.OpenAsync();
        var author = AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10", "SM03", "Émilie ROBIN"));
        var psychiatrist = await world.ProfessionalAsync("10", "SM42", "Paul NOIR");

        // The actor first (a caregiver's setting-up takes weeks of the clock), then today's documents.
        var caller = await ActorAsync(world, actor, author);
        var documents = new Dictionary<Doc, HealthDocument>
        {
            [Doc.N] = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2")),
            [Doc.M] = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2", new Confidentiality(true, false, false))),
            [Doc.I] = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2", new Confidentiality(false, true, false))),
            [Doc.R] = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2", new Confidentiality(false, false, true))),
            [Doc.P] = await world.DepositAsync(psychiatrist, AccessWorld.Document(psychiatrist, "68599-0")),
            [Doc.H] = await world.DepositAsHolderAsync(world.Holder),
        };
        documents[Doc.H].TypeCode.ShouldBe("EXPPAT_2");

        var listed = await world.ListAsync(caller);
        var absent = await ReadAbsentAsync(world, caller);
        foreach (var (doc, document) in documents)
        {
            var visible = row.Sees.HasFlag(doc);
            listed.Contains(document.Id).ShouldBe(visible, $"{actor} lists {doc}");
            (await Attempt(() => world.MetadataAsync(caller, document.Id), absent)).ShouldBe(visible ? Outcome.Allowed : Outcome.Absent, $"{actor} reads the metadata of {doc}");
            (await Attempt(() => world.RetrieveAsync(caller, document.Id), absent)).ShouldBe(visible ? Outcome.Allowed : Outcome.Absent, $"{actor} retrieves {doc}");
        }

        (await Attempt(() => world.HideAsync(caller, documents[Doc.N].Id), absent)).ShouldBe(row.Hide, $"{actor} hides N");
        (await Attempt(() => world.DeleteAsync(caller, documents[Doc.N].Id), absent)).ShouldBe(row.Delete, $"{actor} deletes N");

        // Last: a professional who deposits joins the care team, which would change the cells above.
        (await Attempt(() => DepositAsync(world, caller), await DepositAbsentAsync(world, caller))).ShouldBe(row.Deposit, $"{actor} deposits");
    }

    private static async Task<Caller> ActorAsync(AccessWorld world, string actor, Caller author)
    {
        async Task<Caller> ConsentedAsync(string profession)
        {
            var professional = await world.ProfessionalAsync(profession);
            await world.ConsentAsync(professional);
            return professional;
        }

        switch (actor)
        {
            case "holder":
                return world.Holder;
            case "representative":
                return world.Representative;
            case "caregiver":
                return await world.CaregiverAsync();
            case "author of the lab reports (médecin biologiste, through software)":
                return author;
            case "médecin with consent":
                return await ConsentedAsync("10");
            case "pharmacien with consent":
                return await ConsentedAsync("21");
            case "infirmier with consent":
                return await ConsentedAsync("60");
            case "sage-femme with consent":
                return await ConsentedAsync("50");
            case "opticien with consent":
                return await ConsentedAsync("28");
            case "physicien médical with consent (no matrix column)":
                return await ConsentedAsync("32");
            case "médecin traitant":
                var attending = await world.ProfessionalAsync("10", "SM54");
                await world.DeclareAsync(CareRole.AttendingPhysician, attending);
                return attending;
            case "infirmier administrator":
                var administrator = await world.ProfessionalAsync("60");
                await world.DeclareAsync(CareRole.Administrator, administrator);
                return administrator;
            case "blocked médecin (had consent)":
                var blocked = await ConsentedAsync("10");
                await world.BlockAsync(world.Holder, blocked);
                return blocked;
            case "médecin without consent":
                return await world.ProfessionalAsync("10");
            case "bris_de_glace, toggles as default":
                return AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.BreakTheGlass);
            case "bris_de_glace, holder objected to it":
                await world.ChangeSettingsAsync(new ChangeAccessSettings.Request(BreakTheGlassAllowed: false));
                return AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.BreakTheGlass);
            case "bris_de_glace, hidden documents allowed in emergencies":
                await world.ChangeSettingsAsync(new ChangeAccessSettings.Request(HiddenDocumentsInEmergency: true));
                return AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.BreakTheGlass);
            case "centre_15, toggles as default":
                return AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.Centre15);
            case "centre_15, holder objected to it":
                await world.ChangeSettingsAsync(new ChangeAccessSettings.Request(Centre15Allowed: false));
                return AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.Centre15);
            case "software acting for a médecin with consent":
                return AccessWorld.ThroughSoftware(await ConsentedAsync("10"));
            case "software acting for a médecin with consent, for an insurance contract":
                return AccessWorld.ThroughSoftware(await ConsentedAsync("10"), purpose: "insurance");
            case "operator":
                return world.Operator;
            default:
                throw new ArgumentOutOfRangeException(nameof(actor), actor, "No such actor in the matrix.");
        }
    }

    private static Task<HealthDocument> DepositAsync(AccessWorld world, Caller caller) => caller.Kind == CallerKind.Holder
        ? world.DepositAsHolderAsync(caller)
        : world.DepositAsync(caller, AccessWorld.Document(caller, "11488-4"));

    /// <summary>What the caller gets for a document that does not exist: every refusal must be this.</summary>
    private static async Task<Exception> ReadAbsentAsync(AccessWorld world, Caller caller) =>
        await Should.ThrowAsync<DocumentNotFoundException>(() => world.MetadataAsync(caller, Guid.CreateVersion7()));

    /// <summary>What the caller gets depositing into a record that does not exist.</summary>
    private static async Task<Exception> DepositAbsentAsync(AccessWorld world, Caller caller) =>
        await Should.ThrowAsync<RecordNotFoundException>(() => world.Host.RunAsync<DepositDocuments, DepositDocuments.Result>(d => d.HandleAsync(caller, new DepositDocuments.Request(Guid.CreateVersion7(), [new DepositDocuments.Item(AccessWorld.Document(caller, "11488-4"), new DocumentContent.Streamed(new MemoryStream(Documents.Library.Pdf())))]), CancellationToken.None)));

    private static async Task<Outcome> Attempt(Func<Task> operation, Exception absent)
    {
        try
        {
            await operation();
            return Outcome.Allowed;
        }
        catch (Exception e) when (e is DocumentNotFoundException or RecordNotFoundException)
        {
            e.GetType().ShouldBe(absent.GetType(), "a refusal is the same exception as absence");
            e.Message.ShouldBe(absent.Message, "a refusal says exactly what absence says");
            return Outcome.Absent;
        }
        catch (DocumentException e) when (e.Code == DocumentException.NotYours)
        {
            return Outcome.Refused;
        }
    }
}
