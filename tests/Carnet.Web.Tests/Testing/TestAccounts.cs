using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Carnet.Accounts;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records.Import;
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
        _ = app.Server;
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
