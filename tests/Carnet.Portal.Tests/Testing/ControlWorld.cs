using System.Text;
using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Professionals;
using Carnet.Records;
using Carnet.Records.Import;
using Carnet.SignIn;
using Carnet.Tests.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Portal.Tests.Testing;

/// <summary>
/// The people around Alice for the "who sees what" journeys: her son Léo (she represents him), Bruno (a
/// holder with his own account, to invite), Dr LEFÈVRE (in the directory), all arranged through the
/// application's use cases, then signed in through the sign-in page.
/// </summary>
public static class ControlWorld
{
    public const string BrunoLogin = "bruno.durand";
    public const string BrunoPassword = "Wq7!zR4#nLp";
    public const string BrunoEmail = "bruno@example.org";
    public const string DoctorName = "Claire LEFÈVRE";
    public const string DoctorIdNatPs = "8" + DoctorRpps;

    /// <summary>Alice's record and account; with <paramref name="child"/> her son Léo, with <paramref name="bruno"/> Bruno's record and account; all open after the opposition window; Dr LEFÈVRE in the directory.</summary>
    public static async Task<(Guid Alice, Guid? Child, Guid? Bruno)> ArrangeAsync(PortalApp portal, bool child = false, bool bruno = false)
    {
        var alice = await CreateAliceAsync(portal.App);
        await using var scope = portal.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (child)
        {
            await ImportAsync(services, People.ChildLine(People.Alice));
        }

        if (bruno)
        {
            await ImportAsync(services, People.Line(People.Bruno, "DURAND", "Bruno", "1979-01-03", "80250987654", email: BrunoEmail));
        }

        await DispatchAsync(portal.App);
        portal.App.Clock.Advance(LifecycleRules.OppositionWindow);
        await services.GetRequiredService<CreateRecordsAfterOppositionWindow>().RunAsync(CancellationToken.None);
        await services.GetRequiredService<RegisterProfessional>().HandleAsync(
            new RegisterProfessional.Request(DoctorRpps, null, "LEFÈVRE", "Claire", "10", "SM54", "claire.lefevre@example.org"), CancellationToken.None);
        var db = services.GetRequiredService<CarnetDbContext>();
        Guid? childId = child ? (await db.Records.SingleAsync(r => r.Nir == Nir.Parse(People.Child))).Id : null;
        Guid? brunoId = null;
        if (bruno)
        {
            var record = await db.Records.SingleAsync(r => r.Nir == Nir.Parse(People.Bruno));
            var account = new Account
            {
                Id = Guid.CreateVersion7(),
                Kind = AccountKind.Holder,
                UserName = BrunoLogin,
                Email = BrunoEmail,
                EmailConfirmed = true,
                HolderRecordId = record.Id,
                CreatedAt = portal.App.Clock.GetUtcNow(),
            };
            var created = await services.GetRequiredService<UserManager<Account>>().CreateAsync(account, BrunoPassword);
            created.Succeeded.ShouldBeTrue(string.Join(" ", created.Errors.Select(e => e.Code)));
            brunoId = record.Id;
        }

        await DispatchAsync(portal.App);
        return (alice, childId, brunoId);
    }

    /// <summary>A new browser at <paramref name="device"/> width, signed in through the sign-in page.</summary>
    public static async Task<IPage> SignInAsync(PortalApp portal, string login, string password, string email, Device device = Device.Phone)
    {
        var page = await portal.OpenAsync("/connexion", device);
        await BrowserSignIn.SignInAsync(portal, page, login, password, email);
        return page;
    }

    public static Task<IPage> AliceSignsInAsync(PortalApp portal, Device device = Device.Phone) =>
        SignInAsync(portal, AliceLogin, AlicePassword, People.AliceEmail, device);

    public static Task<IPage> BrunoSignsInAsync(PortalApp portal, Device device = Device.Phone) =>
        SignInAsync(portal, BrunoLogin, BrunoPassword, BrunoEmail, device);

    /// <summary>Alice, holder of <paramref name="recordId"/>, as the use cases see her.</summary>
    public static Caller AliceHolder(Guid recordId) => new(CallerKind.Holder, "Alice MARTIN", HolderRecordId: recordId);

    /// <summary>
    /// Ticks or unticks a USWDS checkbox or radio as a person does, by its label: USWDS moves the input itself
    /// off screen and draws the box on the label.
    /// </summary>
    public static Task ToggleAsync(this IPage page, string label) => page.Locator("label", new() { HasText = label }).First.ClickAsync();

    /// <summary>Alice as the use cases see her (with her account, whose read marks notifications carry).</summary>
    public static async Task<Caller> AliceAsync(PortalApp portal, Guid recordId)
    {
        var accountId = await portal.RunAsync<CarnetDbContext, Guid>(db => db.Users.Where(u => u.UserName == AliceLogin).Select(u => u.Id).SingleAsync());
        return new Caller(CallerKind.Holder, "Alice MARTIN", accountId, HolderRecordId: recordId);
    }

    /// <summary>Dr LEFÈVRE as her software calls, in <paramref name="mode"/>.</summary>
    public static Caller Doctor(AccessMode mode = AccessMode.Normal) =>
        new(CallerKind.Professional, DoctorName, Guid.NewGuid(), Professional: new ActingProfessional(DoctorIdNatPs, DoctorName, "10", "SM54"), Mode: mode);

    /// <summary>A laboratory's software acting for its biologist, as in Carnet.Tests' Library.</summary>
    public static Caller Lab { get; } = new(CallerKind.Establishment, "Laboratoire Bioplus", ClientId: "lab-client", Finess: "690000013", Professional: new ActingProfessional(Carnet.Tests.Documents.Library.BiologistIdNatPs, "Émilie ROBIN", "21", null));

    /// <summary>The laboratory deposits one PDF in <paramref name="recordId"/>.</summary>
    public static Task DepositAsync(PortalApp portal, Guid recordId, string title, Confidentiality confidentiality = default) =>
        portal.RunAsync<DepositDocuments, DepositDocuments.Result>(d => d.HandleAsync(
            Lab,
            new DepositDocuments.Request(recordId, [new DepositDocuments.Item(Carnet.Tests.Documents.Library.LabReport(confidentiality: confidentiality, title: title), new DocumentContent.Streamed(new MemoryStream(Carnet.Tests.Documents.Library.Pdf())))]),
            CancellationToken.None));

    public static async Task<T> RunAsync<TService, T>(this PortalApp portal, Func<TService, Task<T>> act)
        where TService : notnull
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static Task<ImportInsuredPersons.Result> ImportAsync(IServiceProvider services, string line) =>
        services.GetRequiredService<ImportInsuredPersons>().HandleAsync(new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(line)), ImportFormat.Ndjson, "people.ndjson"), CancellationToken.None);
}
