using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Carnet.Access;
using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Professionals;
using Carnet.Records;
using Carnet.Records.Credentials;
using Carnet.Records.Enrolment;
using Carnet.SignIn;
using Carnet.SignIn.Establishments;
using Carnet.SignIn.People;
using Carnet.Terminology;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Web.Demo;

/// <summary>
/// Fills a new database with fictitious data so that Carnet can be tried at once: holders (one
/// activated, her minor son, one created but not activated, one still in the opposition window),
/// professionals of four professions (one is the holder's médecin traitant, one a biologist), a laboratory
/// and a hospital with their software clients, and a key for the laboratory's software (its private JWK
/// is written beside the sign-ins, for tools/lab-call.mjs). Identities use the demo INS authority (.11), refused in
/// production. Runs only when <c>Carnet:Demo:Seed</c> is on and the database has no record.
/// </summary>
public sealed class DemoSeeder(
    CarnetDbContext db,
    UserManager<Account> users,
    PasswordRules passwordRules,
    RegisterProfessional registerProfessional,
    RegisterEstablishment registerEstablishment,
    RegisterEstablishmentClient registerClient,
    IssueStaffAccount issueStaffAccount,
    RegisterClientKey registerClientKey,
    DepositDocuments deposit,
    TimeProvider clock,
    IOptions<DemoOptions> options,
    IOptions<EstablishmentSignInOptions> signInOptions,
    IOptions<RecordsOptions> recordsOptions,
    ILogger<DemoSeeder> logger)
{
    public const string HolderLogin = "jeanne.martin";
    public const string HolderPassword = "Jm#2026-Demo!";

    public const string LabKeyFile = "lab-client.jwk";
    public const string LabSettingsFile = "lab-client.json";
    public const string LabKid = "lab-demo-1";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string SignInsFile => SignInsPath(options.Value);

    private static string SignInsPath(DemoOptions options) => Path.Combine(options.Directory, "sign-ins.txt");

    public async Task SeedIfAskedAsync(CancellationToken ct)
    {
        if (!options.Value.Seed || await db.Records.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var days = TimeSpan.FromDays(1);
        var jeanne = Holder("2850375056123", "MARTIN", "Jeanne", new DateOnly(1985, 3, 21), "80250123456", "jeanne.martin@example.org", "+33612345678");
        var leo = Holder("1140669123045", "MARTIN", "Léo", new DateOnly(2014, 6, 2), "80250123456", "jeanne.martin@example.org", null);
        var paul = Holder("152112A004017", "DURAND", "Paul", new DateOnly(1952, 11, 9), "80250987654", null, null, new PostalAddress("4 cours Napoléon", null, "20000", "Ajaccio", "France"));
        var amina = Holder("2990113055221", "BENALI", "Amina", new DateOnly(1999, 1, 15), "80251112223", "amina.benali@example.org", "+33698765432");

        foreach (var record in new[] { jeanne, leo, paul })
        {
            record.NoticeSent(now - (60 * days));
            record.CreateAutomatically(now - (18 * days));
            db.Traces.Add(Trace.Of(record.Id, Actor.SystemJob(CreateRecordsAfterOppositionWindow.JobName), TraceActions.RecordCreated, now - (18 * days)));
        }

        amina.NoticeSent(now - (3 * days));
        db.Records.AddRange(jeanne, leo, paul, amina);
        db.Representations.Add(Representation.Start(leo, jeanne.Nir, recordsOptions.Value.Today(now), now - (18 * days)));
        var paulCode = IssueCode(paul, now);
        var aminaCode = IssueCode(amina, now);
        await db.SaveChangesAsync(ct);

        await ActivateAsync(jeanne, now - (10 * days), ct);

        var doctor = await registerProfessional.HandleAsync(new RegisterProfessional.Request("10101234564", null, "LEFÈVRE", "Claire", "10", "SM54", "claire.lefevre@example.org"), ct);
        await registerProfessional.HandleAsync(new RegisterProfessional.Request("10202345673", null, "PETIT", "Marc", "21", null, "marc.petit@example.org"), ct);
        await registerProfessional.HandleAsync(new RegisterProfessional.Request("10303456783", null, "BERNARD", "Sophie", "60", null, "sophie.bernard@example.org"), ct);
        await registerProfessional.HandleAsync(new RegisterProfessional.Request("10404567892", null, "ROUX", "Nadia", "50", null, "nadia.roux@example.org"), ct);
        await registerProfessional.HandleAsync(new RegisterProfessional.Request(Biologist.Rpps, null, Biologist.FamilyName, Biologist.GivenNames, Biologist.Profession, Biologist.Specialty, "emilie.robin@example.org"), ct);
        db.DeclaredRoles.Add(DeclaredRole.Declare(jeanne.Id, doctor.Id, CareRole.AttendingPhysician, now - (9 * days)));
        await db.SaveChangesAsync(ct);

        await registerEstablishment.HandleAsync(new RegisterEstablishment.Request("690000013", "Laboratoire BioCarnet Lyon", EstablishmentKind.Laboratory), ct);
        await registerEstablishment.HandleAsync(new RegisterEstablishment.Request("750000028", "Centre hospitalier de Carnet", EstablishmentKind.Hospital), ct);
        var labClient = await registerClient.HandleAsync(new RegisterEstablishmentClient.Request("690000013", "Système de gestion de laboratoire"), ct);
        var hospitalClient = await registerClient.HandleAsync(new RegisterEstablishmentClient.Request("750000028", "Dossier patient informatisé"), ct);
        await GiveLabAKeyAsync(labClient, jeanne.Ins, ct);

        var doctorSignIn = await issueStaffAccount.HandleAsync(new IssueStaffAccount.Request(AccountKind.Professional, Professional: "10101234564"), ct);
        var operatorSignIn = await issueStaffAccount.HandleAsync(new IssueStaffAccount.Request(AccountKind.Operator, Login: "operateur.demo", Email: "operateur@example.org"), ct);

        if (options.Value.Documents)
        {
            await DepositDocumentsAsync(jeanne, leo, now, ct);
        }

        await WriteSignInsAsync(jeanne, paul, paulCode, amina, aminaCode, labClient, hospitalClient, doctorSignIn, operatorSignIn, ct);
        logger.LogInformation("Demo data seeded: 4 holders, 5 professionals, 2 establishments with their clients, a key for the laboratory's software, documents in Jeanne's and Léo's records");
    }

    /// <summary>
    /// Documents to look at in the portal, deposited through the use case as their authors would: the laboratory's
    /// results (one of them hidden from professionals by Jeanne), her doctor's consultation report, a note of her own,
    /// and Léo's vaccinations, which Jeanne sees as his mother.
    /// </summary>
    private async Task DepositDocumentsAsync(HealthRecord jeanne, HealthRecord leo, DateTimeOffset now, CancellationToken ct)
    {
        var days = TimeSpan.FromDays(1);
        var lab = new Caller(CallerKind.Establishment, "Laboratoire BioCarnet Lyon", ClientId: "demo-lab", Finess: "690000013",
            Professional: new ActingProfessional("8" + Biologist.Rpps, $"{Biologist.GivenNames} {Biologist.FamilyName}", Biologist.Profession, Biologist.Specialty));
        var doctor = new Caller(CallerKind.Professional, "Claire LEFÈVRE", Professional: new ActingProfessional("810101234564", "Claire LEFÈVRE", "10", "SM54"));
        var holder = new Caller(CallerKind.Holder, jeanne.DisplayName, HolderRecordId: jeanne.Id);

        await DepositAsync(lab, jeanne.Id, "11502-2", "Bilan sanguin", now - (7 * days), "Laboratoire BioCarnet Lyon",
            ["Hémoglobine : 13,2 g/dL (12,0 - 16,0)", "Leucocytes : 6,1 G/L (4,0 - 10,0)", "Glycémie à jeun : 0,92 g/L (0,70 - 1,10)", "Biologiste : Dr Émilie ROBIN"], lab.Professional, default, ct);
        await DepositAsync(lab, jeanne.Id, "11502-2", "Bilan thyroïdien", now - (40 * days), "Laboratoire BioCarnet Lyon",
            ["TSH : 2,1 mUI/L (0,4 - 4,0)", "Biologiste : Dr Émilie ROBIN"], lab.Professional, new Confidentiality(HiddenFromProfessionals: true, false, false), ct);
        await DepositAsync(doctor, jeanne.Id, "11488-4", "Compte rendu de consultation", now - (9 * days), "Cabinet du Dr LEFÈVRE",
            ["Motif : suivi annuel.", "Examen normal. Tension 12/8.", "Conduite à tenir : bilan sanguin de contrôle.", "Dr Claire LEFÈVRE, médecin généraliste"], doctor.Professional, default, ct);
        await DepositAsync(holder, jeanne.Id, "AUTR_DOC", "Mes allergies", null, "Jeanne MARTIN",
            ["Allergie à la pénicilline (urticaire, 2009).", "Pas d'autre allergie connue."], null, default, ct);
        await DepositAsync(doctor, leo.Id, "11369-6", "Carnet de vaccination de Léo", now - (30 * days), "Cabinet du Dr LEFÈVRE",
            ["DTCaP : rappel à 6 ans fait.", "ROR : deux doses.", "Prochain rappel : 11-13 ans."], doctor.Professional, default, ct);
    }

    private async Task DepositAsync(Caller author, Guid recordId, string typeCode, string title, DateTimeOffset? clinicalDate, string header, string[] lines, ActingProfessional? professional, Confidentiality confidentiality, CancellationToken ct)
    {
        var type = author.Kind == CallerKind.Holder ? CodeSets.DocumentTypes.HolderTypeFor(typeCode)! : CodeSets.DocumentTypes.TryGet(typeCode, out var found) ? found : throw new InvalidOperationException($"Unknown demo type {typeCode}");
        var metadata = new DocumentMetadata(
            "urn:uuid:" + Guid.NewGuid(), title, type.Category, type.Code, type.System, type.ClassCode, null, "application/pdf", clinicalDate,
            professional?.IdNatPs, professional?.DisplayName, author.Finess, confidentiality);
        await using var content = new MemoryStream(DemoPdf.Create(title, [header, "", .. lines]));
        await deposit.HandleAsync(author, new DepositDocuments.Request(recordId, [new DepositDocuments.Item(metadata, new DocumentContent.Streamed(content))]), ct);
    }

    private HealthRecord Holder(string first13, string familyName, string givenNames, DateOnly birthDate, string vitale, string? email, string? mobile, PostalAddress? address = null)
    {
        var nir = Nir.Parse(first13 + Nir.ComputeKey(first13).ToString("00", CultureInfo.InvariantCulture));
        var person = new InsuredPerson(nir, InsAuthority.DemoNir, familyName, givenNames, birthDate, VitaleSerial.Parse(vitale), email, mobile, address, []);
        return HealthRecord.Import(person, clock.GetUtcNow() - TimeSpan.FromDays(61));
    }

    private string IssueCode(HealthRecord record, DateTimeOffset now)
    {
        var (code, clear) = ProvisionalCode.Issue(record.Id, now, recordsOptions.Value.ProvisionalCodeLifetime);
        db.ProvisionalCodes.Add(code);
        return clear;
    }

    private async Task ActivateAsync(HealthRecord record, DateTimeOffset at, CancellationToken ct)
    {
        var problems = passwordRules.Check(HolderPassword, new PersonalData(HolderLogin, record.FamilyName, record.GivenNames, record.BirthDate, record.Nir.Value, record.Email, record.Mobile));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The demo password breaks the password rules: " + string.Join(" ", problems.Select(p => p.Code)));
        }

        record.Activate(at);
        db.Traces.Add(Trace.Of(record.Id, new Actor(ActorKind.Holder, record.Id.ToString(), record.DisplayName), TraceActions.RecordActivated, at));
        var account = new Account
        {
            Id = Guid.CreateVersion7(at),
            Kind = AccountKind.Holder,
            UserName = HolderLogin,
            Email = record.Email,
            EmailConfirmed = true,
            PhoneNumber = record.Mobile,
            PhoneNumberConfirmed = true,
            HolderRecordId = record.Id,
            CreatedAt = at,
            TermsAcceptedAt = at,
        };
        var result = await users.CreateAsync(account, HolderPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The demo account could not be created: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }

    private async Task WriteSignInsAsync(HealthRecord jeanne, HealthRecord paul, string paulCode, HealthRecord amina, string aminaCode, string labClient, string hospitalClient, IssueStaffAccount.Result doctor, IssueStaffAccount.Result operatorStaff, CancellationToken ct)
    {
        var text = $"""
            Demo data (fictitious people; INS authority 1.2.250.1.213.1.4.11, development only):
              Holder (activated)     login {HolderLogin}  password {HolderPassword}  (then the code sent to data/mail)
                                     NIR {jeanne.Nir.Value}  Vitale {jeanne.VitaleSerial.Value}  — mother of Léo MARTIN, a minor
              Holder (not activated) NIR {paul.Nir.Value}  Vitale {paul.VitaleSerial.Value}  provisional code {paulCode}
              In opposition window   NIR {amina.Nir.Value}  Vitale {amina.VitaleSerial.Value}  provisional code {aminaCode}
              Professionals          Dr Claire LEFÈVRE (médecin, RPPS 10101234564, Jeanne's médecin traitant),
                                     Marc PETIT (pharmacien), Sophie BERNARD (infirmière), Nadia ROUX (sage-femme),
                                     Dr Émilie ROBIN (médecin biologiste, RPPS {Biologist.Rpps}, works at the laboratory)
              Professional sign-in   RPPS 10101234564  password {doctor.FirstPassword}
                                     authenticator code: node tools/totp.mjs '{doctor.AuthenticatorUri}'
              Operator sign-in       login {operatorStaff.Login}  password {operatorStaff.FirstPassword}
                                     authenticator code: node tools/totp.mjs '{operatorStaff.AuthenticatorUri}'
              Establishment clients  {labClient} (Laboratoire BioCarnet Lyon), {hospitalClient} (Centre hospitalier de Carnet)
              Laboratory software    private key {Path.Combine(options.Value.Directory, LabKeyFile)}, settings {Path.Combine(options.Value.Directory, LabSettingsFile)}:
                                     `node tools/lab-call.mjs` gets a token and calls GET /api/caller as Dr ROBIN
              Mail and SMS sent by Carnet land in data/mail and data/sms.

            """;
        Directory.CreateDirectory(options.Value.Directory);
        await File.WriteAllTextAsync(SignInsFile, text, ct);
    }

    private async Task GiveLabAKeyAsync(string clientId, Ins demoPatient, CancellationToken ct)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        var publicJwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.EncodeToString(p.Q.X), ["y"] = Base64Url.EncodeToString(p.Q.Y), ["kid"] = LabKid, ["alg"] = "ES256", ["use"] = "sig" };
        await registerClientKey.HandleAsync(new RegisterClientKey.Request(clientId, publicJwk.ToJsonString()), ct);

        var privateJwk = publicJwk.DeepClone().AsObject();
        privateJwk["d"] = Base64Url.EncodeToString(p.D);
        var signIn = signInOptions.Value;
        var settings = new JsonObject
        {
            ["client_id"] = clientId,
            ["kid"] = LabKid,
            ["private_key_file"] = LabKeyFile,
            ["carnet_url"] = signIn.TokenIssuer,
            ["token_endpoint"] = signIn.TokenEndpoint,
            ["token_audience"] = signIn.TokenEndpoint,
            ["api_base"] = signIn.ApiAudience,
            ["api_audience"] = signIn.ApiAudience,
            ["acting_professional_header"] = CheckActingProfessional.Header,
            ["demo_patient"] = new JsonObject { ["system"] = demoPatient.System, ["value"] = demoPatient.Nir.Value },
            ["acting_professional"] = new JsonObject
            {
                ["id_nat_ps"] = "8" + Biologist.Rpps,
                ["name"] = $"{Biologist.GivenNames} {Biologist.FamilyName}",
                ["profession"] = Biologist.Profession,
                ["specialty"] = Biologist.Specialty,
            },
        };
        Directory.CreateDirectory(options.Value.Directory);
        await WritePrivateAsync(Path.Combine(options.Value.Directory, LabKeyFile), privateJwk.ToJsonString(Indented), ct);
        await WritePrivateAsync(Path.Combine(options.Value.Directory, LabSettingsFile), settings.ToJsonString(Indented), ct);
    }

    /// <summary>Readable by the developer only (mode 600): one file holds a private key.</summary>
    private static async Task WritePrivateAsync(string path, string content, CancellationToken ct)
    {
        File.Delete(path);
        var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, mode);
        await file.WriteAsync(Encoding.UTF8.GetBytes(content + "\n"), ct);
    }

    /// <summary>The laboratory's biologist, who acts through its software in the demo (TRE_G15 10 médecin, TRE_R38 SM03 biologie médicale).</summary>
    private static class Biologist
    {
        public const string Rpps = "10505678903";
        public const string FamilyName = "ROBIN";
        public const string GivenNames = "Émilie";
        public const string Profession = "10";
        public const string Specialty = "SM03";
    }

    /// <summary>What a developer sees when Carnet has started: where it listens and the demo sign-ins.</summary>
    public sealed class Welcome(IOptions<DemoOptions> options)
    {
        public void Print(ICollection<string> urls)
        {
            var address = urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
            var text = new StringBuilder()
                .AppendLine()
                .AppendLine("Carnet is running.")
                .AppendLine(CultureInfo.InvariantCulture, $"  Portal   {address}/")
                .AppendLine(CultureInfo.InvariantCulture, $"  API      {address}/openapi/v1.json")
                .AppendLine(CultureInfo.InvariantCulture, $"  Health   {address}/health");
            var signIns = SignInsPath(options.Value);
            if (options.Value.Seed && File.Exists(signIns))
            {
                text.AppendLine().Append(File.ReadAllText(signIns));
            }

            // Console, not the logger: these are development sign-ins, never to reach a log pipeline.
            Console.WriteLine(text.ToString());
        }
    }
}
