using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.SignIn.Sessions;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.SignIn;

/// <summary>What sign-in leaves behind is removed by a job, on both databases.</summary>
public class PurgeTests
{
    [Theory]
    [DatabaseProviders]
    public async Task Expired_challenges_and_old_sessions_are_purged_but_open_sessions_stay(DatabaseProvider provider)
    {
        await using var app = await CarnetWebFactory.StartAsync(provider);
        await CreateAliceAsync(app);
        using var old = app.CreateClient();
        await SignInAliceAsync(app, old);
        await old.DeleteAsync("/api/sessions/current");
        app.Clock.Advance(TimeSpan.FromDays(31));
        using var current = app.CreateClient();
        await SignInAliceAsync(app, current);
        var runner = app.Services.GetRequiredService<JobRunner>();

        await runner.RunAsync(runner.Jobs.Single(j => j.Name == PurgeEndedSessions.JobName), CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        (await db.AccountSessions.CountAsync()).ShouldBe(1);
        (await db.SignInChallenges.CountAsync()).ShouldBe(1, "only today's challenge is left");
        (await current.GetAsync("/api/sessions/current")).IsSuccessStatusCode.ShouldBeTrue();
    }
}
