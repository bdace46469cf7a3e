namespace Carnet.Web;

/// <summary>
/// The headers every response carries: a strict content security policy (own origin only, no inline
/// script, no framing), no MIME sniffing, no referrer leaking record ids, no powerful browser features.
/// HSTS is added by UseHsts outside Development, on HTTPS requests.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A document's content shown inside a portal page (an iframe of the same origin): only the portal may frame it,
    /// it loads nothing, and it may hold a PDF (Chromium's viewer needs object-src; default-src alone would refuse it).
    /// </summary>
    public const string FramedContentSecurityPolicy =
        "default-src 'none'; img-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var framed = context.GetEndpoint()?.Metadata.GetMetadata<SameOriginFraming>() is not null;
            headers.ContentSecurityPolicy = framed ? FramedContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = framed ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
