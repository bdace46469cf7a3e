using Carnet.Http;

namespace Carnet.Web.Cli;

/// <summary>
/// Builds the services once per command (same configuration as the web host, no web server), prepares
/// the database, and maps domain refusals to messages and exit codes.
/// </summary>
public sealed class CliContext(CliOverrides? overrides, TextWriter? output = null, TextWriter? error = null) : IAsyncDisposable
{
    private WebApplication? _app;

    public TextWriter Out { get; } = output ?? Console.Out;

    public TextWriter Error { get; } = error ?? Console.Error;

    public string OperatorId { get; } = "cli:" + Environment.UserName;

    public async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(CarnetWebApplication.Options([]));
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (overrides?.Settings is { } settings)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddCarnet(builder.Configuration);
            overrides?.Services?.Invoke(builder.Services);
            _app = builder.Build();
            await StartupTasks.RunAsync(_app.Services, ct);
            await using var scope = _app.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider, ct);
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("Cancelled.");
            return ExitCodes.InternalError;
        }
        catch (Exception e) when (DomainProblems.From(e) is { } problem)
        {
            await Error.WriteLineAsync(problem.Detail);
            return problem.Status switch
            {
                StatusCodes.Status404NotFound => ExitCodes.NotFound,
                StatusCodes.Status409Conflict => ExitCodes.Refused,
                _ => ExitCodes.InvalidInput,
            };
        }
        catch (Exception e)
        {
            // Type and message only: a database error's detail could quote personal data.
            await Error.WriteLineAsync($"Unexpected error ({e.GetType().Name}): {e.Message}");
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
