namespace Carnet.Mail;

/// <summary>The SMTP server used when <see cref="MailOptions.Mode"/> is <see cref="MailMode.Smtp"/> (section <c>Carnet:Mail:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>Host name or IP address of the SMTP server.</summary>
    public string Host { get; set; } = "";

    /// <summary>TCP port; 587 is the submission port (RFC 6409).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Transport security; see <see cref="SmtpSecurity"/> for why implicit TLS on 465 is not offered.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Account to authenticate with (AUTH LOGIN); empty sends without authenticating.</summary>
    public string? UserName { get; set; }

    /// <summary>Password of <see cref="UserName"/>. A secret: never log it, keep it out of appsettings.json.</summary>
    public string? Password { get; set; }

    /// <summary>Seconds a whole send (connect, dialogue, data) may take before it counts as a transient failure.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
