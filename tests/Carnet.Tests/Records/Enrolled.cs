using Carnet.Records;
using Carnet.Records.Enrolment;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Records;

/// <summary>Arrangements shared by lifecycle tests: people at a given step, and the steps they take.</summary>
public static class Enrolled
{
    /// <summary>Alice imported and informed by e-mail: her six-week window is running.</summary>
    public static async Task<CarnetTestHost> AliceInWindowAsync(Carnet.Persistence.DatabaseProvider provider = Carnet.Persistence.DatabaseProvider.Sqlite)
    {
        var host = await CarnetTestHost.StartAsync(provider);
        await host.ImportAsync(People.AliceLine());
        await host.DispatchOutboxAsync();
        return host;
    }

    /// <summary>Alice's record created by the job, not yet activated.</summary>
    public static async Task<CarnetTestHost> AliceCreatedAsync(Carnet.Persistence.DatabaseProvider provider = Carnet.Persistence.DatabaseProvider.Sqlite)
    {
        var host = await AliceInWindowAsync(provider);
        host.Clock.Advance(LifecycleRules.OppositionWindow);
        await host.RunJobAsync<CreateRecordsAfterOppositionWindow>();
        return host;
    }

    public static Task<RecordState> HolderStepAsync(this CarnetTestHost host, LifecycleStep step, string code, string? nir = null, string? vitale = null) =>
        host.RunAsync<HolderLifecycleRequest, RecordState>(request => request.HandleAsync(
            new HolderLifecycleRequest.Request(nir ?? People.Alice, vitale ?? People.AliceVitale, code, step),
            CancellationToken.None));

    /// <summary>Asks for a new code and lets the outbox deliver it.</summary>
    public static async Task<string> NewCodeAsync(this CarnetTestHost host)
    {
        await host.RequestCodeAsync();
        await host.DispatchOutboxAsync();
        return host.Mail.LastProvisionalCodeTo(People.AliceEmail);
    }

    public static Task RequestCodeAsync(this CarnetTestHost host, string? nir = null, string? vitale = null) =>
        host.RunAsync<RequestProvisionalCode>(request => request.HandleAsync(new RequestProvisionalCode.Request(nir ?? People.Alice, vitale ?? People.AliceVitale), CancellationToken.None));

    public static Task<RecordState> OperatorStepAsync(this CarnetTestHost host, LifecycleStep step, string? nir = null) =>
        host.RunAsync<OperatorLifecycleRequest, RecordState>(request => request.HandleAsync(
            new OperatorLifecycleRequest.Request(Carnet.Identifiers.Nir.Parse(nir ?? People.Alice), step, "test-operator"),
            CancellationToken.None));
}
