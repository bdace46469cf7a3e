using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Carnet.Accounts;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Professionals;
using Carnet.Records.Import;
using Carnet.SignIn.People;
using Carnet.Tests.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.Testing;

/// <summary>Accounts for HTTP tests, and the two-step sign-in a person goes through.</summary>
public static class TestAccounts
{
    public const string AliceLogin = "alice.martin";
    public const string AlicePassword = "Kp9#vT2!mQx";

    /// <summary>Alice's record imported and her holder account created, with both contacts confirmed.</summary>
    public static async Task<Guid> CreateAliceAsync(CarnetWebFactory app)
    {
        app.StartServer();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportInsuredPersons>().HandleAsync(
            new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(People.AliceLine())), ImportFormat.Ndjson, "alice.ndjson"),
            CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        var record = await db.Records.SingleAsync(r => r.Email == People.AliceEmail);
        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            Kind = AccountKind.Holder,
            UserName = AliceLogin,
            Email = People.AliceEmail,
            EmailConfirmed = true,
            PhoneNumber = People.AliceMobile,
            PhoneNumberConfirmed = true,
            HolderRecordId = record.Id,
            CreatedAt = app.Clock.GetUtcNow(),
        };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().CreateAsync(account, AlicePassword);
        created.Succeeded.ShouldBeTrue(string.Join(" ", created.Errors.Select(e => e.Code)));
        await DispatchAsync(app);
        return record.Id;
    }

    /// <summary>Step 1: login and password; returns the challenge token.</summary>
    public static async Task<string> StartSignInAsync(HttpClient client, string login, string password, string? sendTo = null)
    {
        var response = await client.PostAsJsonAsync("/api/sign-in/", new { login, password, sendTo });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeToken").GetString()!;
    }

    /// <summary>Both steps, with the code read from what was sent: the client then carries the session cookie.</summary>
    public static async Task SignInAliceAsync(CarnetWebFactory app, HttpClient client)
    {
        var token = await StartSignInAsync(client, AliceLogin, AlicePassword);
        await DispatchAsync(app);
        var confirmed = await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = app.Mail.LastOneTimeCodeTo(People.AliceEmail) });
        confirmed.EnsureSuccessStatusCode();
    }

    /// <summary>Opens a professional's or operator's account as the operator would; returns its login, password and authenticator secret.</summary>
    public static async Task<(string Login, string Password, byte[] Secret)> IssueStaffAsync(CarnetWebFactory app, IssueStaffAccount.Request request)
    {
        app.StartServer();
        await using var scope = app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<IssueStaffAccount>().HandleAsync(request, CancellationToken.None);
        return (issued.Login, issued.FirstPassword, SecretOf(issued.AuthenticatorUri));
    }

    /// <summary>Dr Claire LEFÈVRE, médecin généraliste, registered and given an account.</summary>
    public static async Task<(string Login, string Password, byte[] Secret)> CreateDoctorAsync(CarnetWebFactory app)
    {
        app.StartServer();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegisterProfessional>().HandleAsync(
                new RegisterProfessional.Request(DoctorRpps, null, "LEFÈVRE", "Claire", "10", "SM54", "claire.lefevre@example.org"), CancellationToken.None);
        }

        return await IssueStaffAsync(app, new IssueStaffAccount.Request(AccountKind.Professional, Professional: DoctorRpps));
    }

    public const string DoctorRpps = "10101234564";

    /// <summary>Password then the authenticator's current code: the client then carries the session cookie.</summary>
    public static async Task SignInStaffAsync(CarnetWebFactory app, HttpClient client, string login, string password, byte[] secret)
    {
        var token = await StartSignInAsync(client, login, password);
        var confirmed = await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = Totp.Code(secret, Totp.StepAt(app.Clock.GetUtcNow())) });
        confirmed.EnsureSuccessStatusCode();
    }

    /// <summary>The secret of an otpauth:// key URI (base32, RFC 4648).</summary>
    public static byte[] SecretOf(string keyUri)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var base32 = System.Web.HttpUtility.ParseQueryString(new Uri(keyUri).Query)["secret"]!;
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((buffer >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    public static async Task DispatchAsync(CarnetWebFactory app)
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        await runner.RunAsync(runner.Jobs.Single(j => j.Name == Carnet.Mail.DispatchOutbox.JobName), CancellationToken.None);
    }

    public static async Task<(int Status, string Code, string Detail)> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("status").GetInt32(), body.GetProperty("code").GetString()!, body.GetProperty("detail").GetString()!);
    }
}
