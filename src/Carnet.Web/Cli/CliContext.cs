using Carnet.Http;

namespace Carnet.Web.Cli;

/// <summary>
/// Builds the services once per command (same configuration as the web host, no web server), prepares
/// the database, and maps domain refusals to messages and exit codes.
/// </summary>
public sealed class CliContext(Action<IServiceCollection>? configure) : IAsyncDisposable
{
    private WebApplication? _app;

    public string OperatorId { get; } = "cli:" + Environment.UserName;

    public async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(CarnetWebApplication.Options([]));
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddCarnet(builder.Configuration);
            configure?.Invoke(builder.Services);
            _app = builder.Build();
            await StartupTasks.RunAsync(_app.Services, ct);
            await using var scope = _app.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider, ct);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.InternalError;
        }
        catch (Exception e) when (DomainProblems.From(e) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem.Detail);
            return problem.Status switch
            {
                StatusCodes.Status404NotFound => ExitCodes.NotFound,
                StatusCodes.Status409Conflict => ExitCodes.Refused,
                _ => ExitCodes.InvalidInput,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InternalError;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
