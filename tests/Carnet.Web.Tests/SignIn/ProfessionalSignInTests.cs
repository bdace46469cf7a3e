using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Accounts;
using Carnet.SignIn.People;
using Carnet.Web.Tests.Testing;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.SignIn;

/// <summary>Professionals sign in with their RPPS number, a password and an authenticator app; profession and specialty are part of the identity.</summary>
public class ProfessionalSignInTests
{
    [Fact]
    public async Task A_professional_signs_in_with_rpps_password_and_authenticator_code()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        var (_, password, secret) = await CreateDoctorAsync(app);
        using var client = app.CreateClient();

        var step1 = await (await client.PostAsJsonAsync("/api/sign-in/", new { login = DoctorRpps, password })).Content.ReadFromJsonAsync<JsonElement>();
        step1.GetProperty("factor").GetString().ShouldBe("authenticator");
        step1.GetProperty("sentTo").ValueKind.ShouldBe(JsonValueKind.Null);
        var code = Totp.Code(secret, Totp.StepAt(app.Clock.GetUtcNow()));
        (await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = step1.GetProperty("challengeToken").GetString(), code })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var current = await client.GetFromJsonAsync<JsonElement>("/api/sessions/current");
        current.GetProperty("kind").GetString().ShouldBe("professional");
        current.GetProperty("displayName").GetString().ShouldBe("Claire LEFÈVRE");
        current.GetProperty("idNatPs").GetString().ShouldBe("8" + DoctorRpps);
        current.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ShouldBe(["pwd", "otp"]);
    }

    [Fact]
    public async Task An_authenticator_code_works_only_once()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        var (login, password, secret) = await CreateDoctorAsync(app);
        using var client = app.CreateClient();
        var code = Totp.Code(secret, Totp.StepAt(app.Clock.GetUtcNow()));
        var first = await StartSignInAsync(client, login, password);
        (await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = first, code })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await StartSignInAsync(client, login, password);
        var replayed = await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = second, code }));

        replayed.Code.ShouldBe("code_invalid");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = second, code = Totp.Code(secret, Totp.StepAt(app.Clock.GetUtcNow())) })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_code_sent_by_email_is_not_offered_to_professionals()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        var (login, password, _) = await CreateDoctorAsync(app);
        using var client = app.CreateClient();
        var token = await StartSignInAsync(client, login, password, sendTo: "email");

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code/resend", new { challengeToken = token }));

        problem.Code.ShouldBe("authenticator_code");
        problem.Detail.ShouldContain("authenticator app");
    }

    [Fact]
    public async Task Re_issuing_a_professionals_sign_in_ends_their_sessions_and_replaces_the_old_password()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        var (login, password, secret) = await CreateDoctorAsync(app);
        using var client = app.CreateClient();
        await SignInStaffAsync(app, client, login, password, secret);

        var (_, newPassword, newSecret) = await IssueStaffAsync(app, new IssueStaffAccount.Request(AccountKind.Professional, Professional: DoctorRpps));

        (await client.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/sign-in/", new { login, password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await DispatchAsync(app);
        app.Mail.MailsTo("claire.lefevre@example.org").ShouldContain(m => m.Subject.Contains("Accès Carnet renouvelé", StringComparison.Ordinal), "a re-issue the professional did not ask for is noticed");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await SignInStaffAsync(app, client, login, newPassword, newSecret);
    }
}
