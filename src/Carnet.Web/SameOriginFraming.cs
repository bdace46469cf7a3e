namespace Carnet.Web;

/// <summary>Endpoint metadata: the response may be framed by the portal's own pages (a document's content shown inline, SecurityHeaders).</summary>
public sealed class SameOriginFraming;
