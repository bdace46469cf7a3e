using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Enrolment;
using Carnet.Tests.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Records;

/// <summary>DOMAIN.md §3.3: activation with NIR + Vitale serial + code, confirmed contacts, login, password, terms.</summary>
public class ActivationTests
{
    private const string StrongPassword = "Kp9#vT2!mQx";

    [Theory]
    [DatabaseProviders]
    public async Task Activation_creates_the_account_and_activates_the_record(DatabaseProvider provider)
    {
        await using var host = await Enrolled.AliceCreatedAsync(provider);
        var token = await StartAsync(host, await host.NewCodeAsync());
        await ConfirmContactsAsync(host, token);

        var result = await CompleteAsync(host, token, "alice.martin", StrongPassword);

        result.Login.ShouldBe("alice.martin");
        var record = await host.RecordAsync(People.Alice);
        record.IsActivated.ShouldBeTrue();
        record.ActivatedAt.ShouldBe(host.Clock.UtcNow);
        var account = await host.RunAsync<UserManager<Account>, Account?>(users => users.FindByNameAsync("ALICE.MARTIN"));
        account.ShouldNotBeNull();
        account.HolderRecordId.ShouldBe(record.Id);
        account.Email.ShouldBe(People.AliceEmail);
        account.EmailConfirmed.ShouldBeTrue();
        account.PhoneNumber.ShouldBe(People.AliceMobile);
        account.TermsAcceptedAt.ShouldBe(host.Clock.UtcNow);
        (await host.RunAsync<UserManager<Account>, bool>(users => users.CheckPasswordAsync(account, StrongPassword))).ShouldBeTrue();
        (await host.QueryAsync(db => db.Traces.Where(t => t.RecordId == record.Id).Select(t => t.Action).ToListAsync()))
            .ShouldBe([TraceActions.RecordCreated, TraceActions.RecordActivated], ignoreOrder: true);
    }

    [Fact]
    public async Task Activation_during_the_window_creates_the_record_at_once()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var token = await StartAsync(host, host.Mail.LastProvisionalCodeTo(People.AliceEmail));
        await ConfirmContactsAsync(host, token);

        await CompleteAsync(host, token, "alice.martin", StrongPassword);

        var record = await host.RecordAsync(People.Alice);
        record.State.ShouldBe(RecordState.Open);
        record.CreatedAt.ShouldBe(host.Clock.UtcNow);
        host.Clock.Advance(TimeSpan.FromDays(42));
        (await host.RunJobAsync<CreateRecordsAfterOppositionWindow>()).ShouldBe(0);
    }

    [Fact]
    public async Task Starting_activation_uses_up_the_provisional_code()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var code = host.Mail.LastProvisionalCodeTo(People.AliceEmail);
        await StartAsync(host, code);

        var again = await Should.ThrowAsync<LifecycleException>(() => StartAsync(host, code));

        again.Code.ShouldBe("code_already_used");
    }

    [Fact]
    public async Task Activation_needs_both_contacts_confirmed()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var token = await StartAsync(host, host.Mail.LastProvisionalCodeTo(People.AliceEmail));
        await SendAsync(host, token, ContactChannel.Email, People.AliceEmail);
        await ConfirmAsync(host, token, ContactChannel.Email, host.Mail.LastOneTimeCodeTo(People.AliceEmail));

        var refused = await Should.ThrowAsync<LifecycleException>(() => CompleteAsync(host, token, "alice.martin", StrongPassword));

        refused.Code.ShouldBe("contacts_not_confirmed");
        (await host.RecordAsync(People.Alice)).IsActivated.ShouldBeFalse();
    }

    [Fact]
    public async Task Mobile_code_arrives_by_sms_in_international_form()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var token = await StartAsync(host, host.Mail.LastProvisionalCodeTo(People.AliceEmail));

        await SendAsync(host, token, ContactChannel.Mobile, "06 12 34 56 78");

        host.Mail.Texts.ShouldHaveSingleItem().To.ShouldBe(People.AliceMobile);
    }

    [Fact]
    public async Task Contact_code_is_single_use_and_expires_after_ten_minutes()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var token = await StartAsync(host, host.Mail.LastProvisionalCodeTo(People.AliceEmail));
        await SendAsync(host, token, ContactChannel.Email, People.AliceEmail);
        var code = host.Mail.LastOneTimeCodeTo(People.AliceEmail);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        (await Should.ThrowAsync<LifecycleException>(() => ConfirmAsync(host, token, ContactChannel.Email, code))).Code.ShouldBe("code_expired");

        await SendAsync(host, token, ContactChannel.Email, People.AliceEmail);
        var fresh = host.Mail.LastOneTimeCodeTo(People.AliceEmail);
        await ConfirmAsync(host, token, ContactChannel.Email, fresh);
        (await Should.ThrowAsync<LifecycleException>(() => ConfirmAsync(host, token, ContactChannel.Email, fresh))).Code.ShouldBe("code_already_used");
    }

    [Fact]
    public async Task Wrong_contact_codes_are_counted_and_limited()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var token = await StartAsync(host, host.Mail.LastProvisionalCodeTo(People.AliceEmail));
        await SendAsync(host, token, ContactChannel.Email, People.AliceEmail);
        var right = host.Mail.LastOneTimeCodeTo(People.AliceEmail);
        var wrong = right == "000000" ? "111111" : "000000";

        for (var i = 0; i < ContactConfirmation.MaxAttempts; i++)
        {
            (await Should.ThrowAsync<LifecycleException>(() => ConfirmAsync(host, token, ContactChannel.Email, wrong))).Code.ShouldBe("code_invalid");
        }

        (await Should.ThrowAsync<LifecycleException>(() => ConfirmAsync(host, token, ContactChannel.Email, right))).Code.ShouldBe("too_many_attempts");
    }

    [Fact]
    public async Task A_new_contact_code_can_be_asked_at_most_every_30_seconds()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var token = await StartAsync(host, host.Mail.LastProvisionalCodeTo(People.AliceEmail));
        await SendAsync(host, token, ContactChannel.Email, People.AliceEmail);

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        (await Should.ThrowAsync<LifecycleException>(() => SendAsync(host, token, ContactChannel.Email, People.AliceEmail))).Code.ShouldBe("code_requested_too_soon");
    }

    [Theory]
    [InlineData("alice", "login_too_short")]
    [InlineData("alice.martin@example.org", "login_is_email")]
    [InlineData("élodie.martin", "login_forbidden_characters")]
    public async Task Login_rules_are_enforced_at_activation(string login, string problem)
    {
        var (host, token) = await ReadyToCompleteAsync();
        await using var _ = host;

        var refused = await Should.ThrowAsync<CredentialsRejectedException>(() => CompleteAsync(host, token, login, StrongPassword));

        refused.Problems.ShouldContain(p => p.Code == problem);
    }

    [Theory]
    [InlineData("Alice#2024x", "password_contains_personal_data")]
    [InlineData("Xq#1985kzv", "password_contains_personal_data")]
    [InlineData("Bonjour#47q", "password_contains_dictionary_word")]
    [InlineData("kp9#vt2!mqx", "password_needs_upper")]
    [InlineData("Kp9#vT2", "password_too_short")]
    public async Task Password_rules_are_enforced_at_activation_with_the_holders_own_data(string password, string problem)
    {
        var (host, token) = await ReadyToCompleteAsync();
        await using var _ = host;

        var refused = await Should.ThrowAsync<CredentialsRejectedException>(() => CompleteAsync(host, token, "alice.martin", password));

        refused.Problems.ShouldContain(p => p.Code == problem);
        refused.Message.ShouldNotContain(password);
    }

    [Fact]
    public async Task Live_check_lists_every_broken_rule_and_saves_nothing()
    {
        var (host, token) = await ReadyToCompleteAsync();
        await using var _ = host;

        var problems = await host.RunAsync<CheckCredentials, IReadOnlyList<Carnet.Records.Credentials.CredentialProblem>>(check =>
            check.HandleAsync(new CheckCredentials.Request(token, "al", "martin"), CancellationToken.None));

        problems.Select(p => p.Code).ShouldContain("login_too_short");
        problems.Select(p => p.Code).ShouldContain("password_too_short");
        problems.Select(p => p.Code).ShouldContain("password_contains_personal_data");
        (await host.RecordAsync(People.Alice)).IsActivated.ShouldBeFalse();
    }

    [Fact]
    public async Task Login_must_not_be_taken()
    {
        var (host, token) = await ReadyToCompleteAsync();
        await using var _ = host;
        await host.RunAsync<UserManager<Account>, IdentityResult>(users => users.CreateAsync(new Account { UserName = "alice.martin", Kind = AccountKind.Holder }));

        var refused = await Should.ThrowAsync<CredentialsRejectedException>(() => CompleteAsync(host, token, "Alice.Martin", StrongPassword));

        refused.Problems.ShouldHaveSingleItem().Code.ShouldBe("login_taken");
    }

    [Fact]
    public async Task Terms_must_be_accepted()
    {
        var (host, token) = await ReadyToCompleteAsync();
        await using var _ = host;

        var refused = await Should.ThrowAsync<LifecycleException>(() => host.RunAsync<CompleteActivation, CompleteActivation.Result>(complete =>
            complete.HandleAsync(new CompleteActivation.Request(token, "alice.martin", StrongPassword, AcceptTerms: false), CancellationToken.None)));

        refused.Code.ShouldBe("terms_not_accepted");
    }

    [Fact]
    public async Task Activation_lasts_one_hour()
    {
        var (host, token) = await ReadyToCompleteAsync();
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromHours(1));

        var refused = await Should.ThrowAsync<LifecycleException>(() => CompleteAsync(host, token, "alice.martin", StrongPassword));

        refused.Code.ShouldBe("activation_not_found");
    }

    [Fact]
    public async Task An_activated_record_cannot_be_activated_again()
    {
        var (host, token) = await ReadyToCompleteAsync();
        await using var _ = host;
        await CompleteAsync(host, token, "alice.martin", StrongPassword);
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var refused = await Should.ThrowAsync<LifecycleException>(async () => await StartAsync(host, await host.NewCodeAsync()));

        refused.Code.ShouldBe("already_activated");
    }

    [Fact]
    public async Task A_minors_record_is_not_activated_on_its_own()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.ChildLine(People.Parent));
        await host.DispatchOutboxAsync();

        var refused = await Should.ThrowAsync<LifecycleException>(() => host.RunAsync<StartActivation, StartActivation.Result>(start =>
            start.HandleAsync(new StartActivation.Request(People.Child, People.AliceVitale, host.Mail.LastProvisionalCodeTo(People.AliceEmail)), CancellationToken.None)));

        refused.Code.ShouldBe("minor_record");
    }

    private static async Task<(CarnetTestHost Host, string Token)> ReadyToCompleteAsync()
    {
        var host = await Enrolled.AliceInWindowAsync();
        var token = await StartAsync(host, host.Mail.LastProvisionalCodeTo(People.AliceEmail));
        await ConfirmContactsAsync(host, token);
        return (host, token);
    }

    private static async Task<string> StartAsync(CarnetTestHost host, string code) =>
        (await host.RunAsync<StartActivation, StartActivation.Result>(start =>
            start.HandleAsync(new StartActivation.Request(People.Alice, People.AliceVitale, code), CancellationToken.None))).ActivationToken;

    /// <summary>Asks for a contact code and lets the outbox deliver it.</summary>
    private static async Task SendAsync(CarnetTestHost host, string token, ContactChannel channel, string address)
    {
        await host.RunAsync<SendContactCode>(send => send.HandleAsync(new SendContactCode.Request(token, channel, address), CancellationToken.None));
        await host.DispatchOutboxAsync();
    }

    private static Task ConfirmAsync(CarnetTestHost host, string token, ContactChannel channel, string code) =>
        host.RunAsync<ConfirmContact>(confirm => confirm.HandleAsync(new ConfirmContact.Request(token, channel, code), CancellationToken.None));

    private static async Task ConfirmContactsAsync(CarnetTestHost host, string token)
    {
        await SendAsync(host, token, ContactChannel.Email, People.AliceEmail);
        await SendAsync(host, token, ContactChannel.Mobile, People.AliceMobile);
        await ConfirmAsync(host, token, ContactChannel.Email, host.Mail.LastOneTimeCodeTo(People.AliceEmail));
        await ConfirmAsync(host, token, ContactChannel.Mobile, host.Mail.LastOneTimeCodeTo(People.AliceMobile));
    }

    private static Task<CompleteActivation.Result> CompleteAsync(CarnetTestHost host, string token, string login, string password) =>
        host.RunAsync<CompleteActivation, CompleteActivation.Result>(complete =>
            complete.HandleAsync(new CompleteActivation.Request(token, login, password, AcceptTerms: true), CancellationToken.None));
}
