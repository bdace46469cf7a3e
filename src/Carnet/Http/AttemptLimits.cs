using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Carnet.Http;

/// <summary>
/// The sign-in and enrolment limits count attempts, not pages: a page shown (GET, HEAD) is free, so a person going
/// back and forth in a wizard is not held up, while every code, NIR or password sent counts against its address.
/// </summary>
public static class AttemptLimits
{
    public static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("pages")
            : RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
