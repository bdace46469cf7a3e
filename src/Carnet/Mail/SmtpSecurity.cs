namespace Carnet.Mail;

/// <summary>How the connection to the SMTP server is protected.</summary>
/// <remarks>
/// System.Net.Mail only speaks STARTTLS (RFC 3207: plain connection, usually on port 587, upgraded
/// to TLS before authenticating). It cannot do implicit TLS ("SMTPS" on port 465, RFC 8314 §3.3),
/// so there is deliberately no such member: point Carnet at the server's submission port 587.
/// </remarks>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same host or a test server.</summary>
    None,

    /// <summary>Upgrade to TLS with STARTTLS before authenticating; sending fails if the server does not offer it.</summary>
    StartTls,
}
