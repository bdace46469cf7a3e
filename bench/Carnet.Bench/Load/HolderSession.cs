using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Carnet.Bench.Load;

/// <summary>
/// The demo holder signed in as the portal or an app signs in: login and password (from the demo's
/// sign-ins.txt), then the one-time code Carnet e-mails (read from the development mail folder, where
/// Carnet's outbox writes it), then the session cookie on every call. Its calls are the holder's document list.
/// </summary>
public sealed partial class HolderSession : IDisposable
{
    private readonly HttpClient _http;

    private HolderSession(HttpClient http, Guid recordId) => (_http, RecordId) = (http, recordId);

    public Guid RecordId { get; }

    public void Dispose() => _http.Dispose();

    /// <summary>Signs in the activated demo holder; <paramref name="mailDirectory"/> is Carnet's Carnet:Mail:PickupDirectory.</summary>
    public static async Task<HolderSession> SignInAsync(Uri baseAddress, string demoDirectory, string mailDirectory, int connections, CancellationToken ct)
    {
        var (login, password) = DemoHolder(Path.Combine(demoDirectory, "sign-ins.txt"));
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            var asked = TimeProvider.System.GetUtcNow();
            using var started = await http.PostAsJsonAsync("/api/sign-in/", new { login, password }, ct);
            await Ensure(started, "sign-in (login and password)", ct);
            var challenge = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("challengeToken").GetString();
            // An earlier run's code may still be on its way out of the outbox: a refused code waits for a newer e-mail.
            var tried = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                var code = await CodeAsync(mailDirectory, asked, tried, ct);
                using var confirmed = await http.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = challenge, code }, ct);
                if (confirmed.StatusCode == HttpStatusCode.UnprocessableEntity && tried.Count < 3)
                {
                    continue;
                }

                await Ensure(confirmed, "sign-in (one-time code)", ct);
                break;
            }

            using var current = await http.GetAsync(new Uri("/api/sessions/current", UriKind.Relative), ct);
            await Ensure(current, "the session", ct);
            var recordId = (await current.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("recordId").GetGuid();
            return new HolderSession(http, recordId);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>The first page of the holder's library (20, newest first); right when HTTP 200 with a full page and the total.</summary>
    public async Task<string?> ListAsync(int atLeast, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri($"/api/records/{RecordId}/documents", UriKind.Relative), ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"holder list: HTTP {(int)response.StatusCode}";
        }

        using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var total = page.RootElement.GetProperty("total").GetInt32();
        var items = page.RootElement.GetProperty("items").GetArrayLength();
        return total < atLeast ? $"holder list: total {total} instead of at least {atLeast}"
            : items != Math.Min(20, total) ? $"holder list: {items} documents on the first page instead of {Math.Min(20, total)}"
            : null;
    }

    private static (string Login, string Password) DemoHolder(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: start Carnet in Development once (it seeds the demo and writes this file), or pass --demo-dir.", path);
        }

        var line = File.ReadLines(path).Select(l => HolderLine().Match(l)).FirstOrDefault(m => m.Success)
            ?? throw new InvalidOperationException($"{path} names no activated holder with a login and password: reseed the demo on a new data folder.");
        return (line.Groups["login"].Value, line.Groups["password"].Value);
    }

    /// <summary>The code of the newest sign-in e-mail written after <paramref name="since"/> and not tried yet; Carnet's outbox sends within seconds.</summary>
    private static async Task<string> CodeAsync(string mailDirectory, DateTimeOffset since, HashSet<string> tried, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (Directory.Exists(mailDirectory))
            {
                var code = new DirectoryInfo(mailDirectory).EnumerateFiles("*.eml")
                    .Where(f => f.LastWriteTimeUtc >= since.UtcDateTime.AddSeconds(-1))
                    .OrderByDescending(f => f.LastWriteTimeUtc)
                    .Select(f => SignInCode().Match(File.ReadAllText(f.FullName)))
                    .FirstOrDefault(m => m.Success && !tried.Contains(m.Groups["code"].Value));
                if (code is not null)
                {
                    tried.Add(code.Groups["code"].Value);
                    return code.Groups["code"].Value;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }

        throw new InvalidOperationException($"No sign-in code arrived in {mailDirectory} within 30 s: Carnet must run its jobs (Carnet:Jobs:Enabled=true) with the pickup-folder mail of Development, or pass --mail-dir.");
    }

    private static async Task Ensure(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The demo holder's {what} failed: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    [GeneratedRegex(@"Holder \(activated\)\s+login (?<login>\S+)\s+password (?<password>\S+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HolderLine();

    [GeneratedRegex(@"code de connexion Carnet : (?<code>\d{6})", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SignInCode();
}
