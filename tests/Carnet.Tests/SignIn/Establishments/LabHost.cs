using Carnet.Persistence;
using Carnet.SignIn.Establishments;
using Carnet.Tests.Testing;

namespace Carnet.Tests.SignIn.Establishments;

/// <summary>A test's own Carnet with a registered lab, and the token request as the use case runs it.</summary>
public sealed class LabHost : IAsyncDisposable
{
    private LabHost(CarnetTestHost host, Lab lab)
    {
        Host = host;
        Lab = lab;
    }

    public CarnetTestHost Host { get; }

    public Lab Lab { get; }

    public FakeClock Clock => Host.Clock;

    /// <summary>Starts Carnet and registers a lab whose software holds <paramref name="key"/> (an EC key if none); the host disposes the key.</summary>
    public static async Task<LabHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, SoftwareKey? key = null)
    {
        var host = await CarnetTestHost.StartAsync(provider);
        return new LabHost(host, await Lab.RegisterAsync(host.Services, host.Clock, key ?? SoftwareKey.Ec()));
    }

    public Task<IssueEstablishmentToken.Result> IssueAsync(string assertion, string? clientId = null) =>
        Host.RunAsync<IssueEstablishmentToken, IssueEstablishmentToken.Result>(u => u.HandleAsync(
            new IssueEstablishmentToken.Request(IssueEstablishmentToken.ClientCredentials, IssueEstablishmentToken.JwtBearerAssertion, assertion, clientId),
            CancellationToken.None));

    public Task<TokenRequestRefusedException> RefusedAsync(string assertion, string? clientId = null) =>
        Should.ThrowAsync<TokenRequestRefusedException>(() => IssueAsync(assertion, clientId));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Lab.Key.Dispose();
    }
}
