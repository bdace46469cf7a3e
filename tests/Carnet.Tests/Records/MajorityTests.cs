using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Records;

/// <summary>DOMAIN.md §3.4: representatives lose access at 18; guardianships of adults do not end with age.</summary>
public class MajorityTests
{
    [Theory]
    [DatabaseProviders]
    public async Task Representation_ends_on_the_eighteenth_birthday_in_french_time(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        await host.ImportAsync(
            People.Line(People.Parent, "MARTIN", "Anne", "1982-03-10", "80250123499", email: "anne@example.org"),
            People.ChildLine(People.Parent));

        // 1 June 2032 at 22:00 UTC is already 2 June at midnight in Paris (summer time): the birthday.
        host.Clock.UtcNow = new DateTimeOffset(2032, 6, 1, 21, 59, 0, TimeSpan.Zero);
        (await host.RunJobAsync<EndRepresentationAtMajority>()).ShouldBe(0);
        host.Clock.UtcNow = new DateTimeOffset(2032, 6, 1, 22, 0, 0, TimeSpan.Zero);
        (await host.RunJobAsync<EndRepresentationAtMajority>()).ShouldBe(1);

        var child = await host.RecordAsync(People.Child);
        var representation = await host.QueryAsync(db => db.Representations.SingleAsync());
        representation.IsActive.ShouldBeFalse();
        representation.EndReason.ShouldBe("majority");
        (await host.QueryAsync(db => db.Traces.SingleAsync(t => t.RecordId == child.Id))).Action.ShouldBe(TraceActions.RepresentationEnded);
        await host.DispatchOutboxAsync();
        host.Mail.MailsTo("anne@example.org").ShouldContain(m => m.TextBody.Contains("Léo MARTIN a 18 ans"));
        (await host.RunJobAsync<EndRepresentationAtMajority>()).ShouldBe(0);
    }

    [Fact]
    public async Task A_child_with_two_parents_is_told_once_that_they_are_of_age()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.Line(People.Child, "MARTIN", "Léo", "2014-06-02", People.AliceVitale, email: "leo@example.org", representatives: [People.Parent, People.Bruno]));

        host.Clock.UtcNow = new DateTimeOffset(2032, 6, 2, 8, 0, 0, TimeSpan.Zero);
        (await host.RunJobAsync<EndRepresentationAtMajority>()).ShouldBe(2);
        await host.DispatchOutboxAsync();

        host.Mail.MailsTo("leo@example.org").Count(m => m.TextBody.Contains("Vous avez 18 ans")).ShouldBe(1);
    }

    [Fact]
    public async Task Guardianship_of_an_adult_does_not_end_with_age()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.Line(People.Bruno, "DURAND", "Bruno", "1979-01-03", "80250987654", email: "bruno@example.org", representatives: [People.Parent]));

        host.Clock.Advance(TimeSpan.FromDays(365 * 30));
        (await host.RunJobAsync<EndRepresentationAtMajority>()).ShouldBe(0);

        var guardianship = await host.QueryAsync(db => db.Representations.SingleAsync());
        guardianship.Kind.ShouldBe(RepresentationKind.Guardian);
        guardianship.IsActive.ShouldBeTrue();
    }
}
