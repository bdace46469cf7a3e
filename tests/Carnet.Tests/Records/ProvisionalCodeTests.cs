using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Records;

/// <summary>DOMAIN.md §3.3 code rules: single use, distinct errors, a new code at most every 30 s.</summary>
public class ProvisionalCodeTests
{
    [Fact]
    public async Task Provisional_code_cannot_be_used_twice()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var code = host.Mail.LastProvisionalCodeTo(People.AliceEmail);
        await host.HolderStepAsync(LifecycleStep.ObjectToCreation, code);

        var again = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.Reopen, code));

        again.Code.ShouldBe("code_already_used");
        again.Message.ShouldContain("Ask for a new code");
    }

    [Fact]
    public async Task Expired_provisional_code_gets_its_own_error()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var code = host.Mail.LastProvisionalCodeTo(People.AliceEmail);
        host.Clock.Advance(TimeSpan.FromDays(60));

        var expired = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, code));

        expired.Code.ShouldBe("code_expired");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Five_wrong_codes_lock_the_records_codes_for_a_quarter_of_an_hour(DatabaseProvider provider)
    {
        await using var host = await Enrolled.AliceInWindowAsync(provider);
        var code = host.Mail.LastProvisionalCodeTo(People.AliceEmail);
        for (var i = 0; i < 4; i++)
        {
            (await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, "AAAAA-AAAAA"))).Code.ShouldBe("code_invalid");
        }

        (await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, "AAAAA-AAAAA"))).Code.ShouldBe("code_attempts_locked");
        var locked = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, code));
        locked.Code.ShouldBe("code_attempts_locked", "even the right code waits for the lock to end");
        locked.Message.ShouldContain("15 more minute(s)");

        host.Clock.Advance(TimeSpan.FromMinutes(15));
        (await host.HolderStepAsync(LifecycleStep.ObjectToCreation, code)).ShouldBe(RecordState.Objected);
    }

    [Fact]
    public async Task A_right_code_clears_the_count_of_wrong_ones()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, "AAAAA-AAAAA"));
        }

        await host.HolderStepAsync(LifecycleStep.ObjectToCreation, host.Mail.LastProvisionalCodeTo(People.AliceEmail));

        (await host.QueryAsync(db => db.Records.Select(r => r.ProvisionalCodeFailures).SingleAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_code_is_typed_in_any_case_with_or_without_its_dash()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var code = host.Mail.LastProvisionalCodeTo(People.AliceEmail);

        var state = await host.HolderStepAsync(LifecycleStep.ObjectToCreation, " " + code.Replace("-", " ").ToLowerInvariant());

        state.ShouldBe(RecordState.Objected);
    }

    [Fact]
    public async Task A_new_code_can_be_requested_at_most_every_30_seconds()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.RequestCodeAsync();

        host.Clock.Advance(TimeSpan.FromSeconds(29));
        var tooSoon = await Should.ThrowAsync<LifecycleException>(() => host.RequestCodeAsync());
        tooSoon.Code.ShouldBe("code_requested_too_soon");
        tooSoon.Message.ShouldContain("Wait 1 s");

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.RequestCodeAsync();
        (await host.QueryAsync(db => db.ProvisionalCodes.CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task A_new_code_makes_the_earlier_codes_stop_working()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var first = host.Mail.LastProvisionalCodeTo(People.AliceEmail);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await host.NewCodeAsync();

        var old = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, first));
        old.Code.ShouldBe("code_expired");
        (await host.HolderStepAsync(LifecycleStep.ObjectToCreation, second)).ShouldBe(RecordState.Objected);
        host.Mail.MailsTo(People.AliceEmail)[^1].TextBody.ShouldContain("Les codes précédents ne fonctionnent plus");
    }

    [Fact]
    public async Task A_new_code_goes_to_the_contact_on_file_and_is_refused_for_a_wrong_serial()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var refused = await Should.ThrowAsync<LifecycleException>(() => host.RequestCodeAsync(vitale: "80250123457"));

        refused.Code.ShouldBe("identity_not_recognised");
        (await host.QueryAsync(db => db.ProvisionalCodes.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_step_does_not_use_up_the_code()
    {
        await using var host = await Enrolled.AliceCreatedAsync();
        var code = await host.NewCodeAsync();

        await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, code));

        (await host.HolderStepAsync(LifecycleStep.Close, code)).ShouldBe(RecordState.Closed);
    }
}
