using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Carnet.Bench.Load;

/// <summary>The run's results as JSON (load.json) and as a page with one chart per scenario (load.html), both in the output folder.</summary>
public static class LoadReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static (string Json, string Html) Write(string folder, string machine, IReadOnlyList<LoadResult> results, Footprint? footprint = null)
    {
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, "load.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new { machine, at = TimeProvider.System.GetUtcNow(), results, footprint, storageRatio = footprint?.StorageRatio, bigDepositAdded = footprint?.BigDepositAdded }, Json));
        var html = Path.Combine(folder, "load.html");
        File.WriteAllText(html, Html(machine, results, footprint));
        return (json, html);
    }

    /// <summary>One line per scenario for the console.</summary>
    public static string Line(LoadResult r)
    {
        var target = LoadTarget.ByScenario.TryGetValue(r.Scenario, out var t) ? $" — target {t}: {(t.MetBy(r) ? "met" : "MISSED")}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{r.Scenario,-9} {r.Clients} clients {r.Seconds:0} s: {r.PerSecond,8:0.0}/s  p50 {r.P50,7:0.00} ms  p95 {r.P95,7:0.00} ms  p99 {r.P99,7:0.00} ms  max {r.Max,8:0.00} ms  {r.Succeeded} ok, {r.Failed} failed{target}");
    }

    private static string Html(string machine, IReadOnlyList<LoadResult> results, Footprint? footprint)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Carnet load report</title>
            <style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}th,td{border:1px solid #aaa;padding:.3rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}.missed{color:#b50909;font-weight:bold}.met{color:#00712f}svg{width:100%;height:auto;background:#f4f4f4}</style>
            </head><body><h1>Carnet load report</h1><p>{{WebUtility.HtmlEncode(machine)}} — {{TimeProvider.System.GetUtcNow():u}}</p>
            <table><thead><tr><th>Scenario</th><th>Clients</th><th>Calls/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>Max ms</th><th>Failed</th><th>Target</th></tr></thead><tbody>
            """);
        foreach (var r in results)
        {
            var target = LoadTarget.ByScenario.GetValueOrDefault(r.Scenario);
            var verdict = target is null ? "—" : $"<span class=\"{(target.MetBy(r) ? "met" : "missed")}\">{WebUtility.HtmlEncode(target.ToString())}: {(target.MetBy(r) ? "met" : "missed")}</span>";
            page.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Scenario}</td><td>{r.Clients}</td><td>{r.PerSecond:0.0}</td><td>{r.P50:0.00}</td><td>{r.P95:0.00}</td><td>{r.P99:0.00}</td><td>{r.Max:0.00}</td><td>{r.Failed}</td><td>{verdict}</td></tr>\n");
        }

        page.Append("</tbody></table>\n");
        if (footprint is not null)
        {
            page.Append("<h2>Storage and memory</h2><table><thead><tr><th>Measure</th><th>Measured</th><th>Target</th></tr></thead><tbody>\n");
            foreach (var (what, measured, target, met) in footprint.Rows())
            {
                page.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(what)}</td><td>{WebUtility.HtmlEncode(measured)}</td><td><span class=\"{(met ? "met" : "missed")}\">{WebUtility.HtmlEncode(target)}: {(met ? "met" : "missed")}</span></td></tr>\n");
            }

            page.Append("</tbody></table>\n");
        }

        foreach (var r in results)
        {
            page.Append(CultureInfo.InvariantCulture, $"<h2>{r.Scenario}: successful calls each second</h2>\n{Chart(r.SucceededEachSecond)}\n");
            if (r.Failures.Count > 0)
            {
                page.Append("<h3>Failures</h3><ul>");
                foreach (var (reason, count) in r.Failures.OrderByDescending(f => f.Value))
                {
                    page.Append(CultureInfo.InvariantCulture, $"<li>{count} × {WebUtility.HtmlEncode(reason)}</li>");
                }

                page.Append("</ul>\n");
            }
        }

        page.Append("</body></html>\n");
        return page.ToString();
    }

    /// <summary>A bar per second, scaled to the busiest second, as inline SVG (the report needs no script or network).</summary>
    private static string Chart(IReadOnlyList<long> perSecond)
    {
        const int width = 800, height = 200, margin = 30;
        var top = Math.Max(1, perSecond.DefaultIfEmpty(0).Max());
        var bar = (width - margin) / (double)Math.Max(1, perSecond.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height + 20}\" role=\"img\" aria-label=\"Calls per second, highest {top}\">");
        for (var i = 0; i < perSecond.Count; i++)
        {
            var h = perSecond[i] * (height - 10) / (double)top;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{margin + (i * bar):0.0}\" y=\"{height - h:0.0}\" width=\"{Math.Max(1, bar - 1):0.0}\" height=\"{h:0.0}\" fill=\"#005ea2\"><title>second {i + 1}: {perSecond[i]}</title></rect>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"12\" font-size=\"12\">{top}/s</text><text x=\"{margin}\" y=\"{height + 15}\" font-size=\"12\">0 s</text><text x=\"{width - 40}\" y=\"{height + 15}\" font-size=\"12\">{perSecond.Count} s</text></svg>");
        return svg.ToString();
    }
}
