namespace Carnet.Mail;

/// <summary>Settings of the e-mail and SMS transports (configuration section <c>Carnet:Mail</c>).</summary>
public sealed class MailOptions
{
    public const string SectionName = "Carnet:Mail";

    /// <summary>Pickup folder (development, the default) or SMTP server (production).</summary>
    public MailMode Mode { get; set; } = MailMode.Pickup;

    /// <summary>Sender of every message, with an optional display name.</summary>
    public string From { get; set; } = "Carnet <no-reply@carnet.localhost>";

    /// <summary>Folder the pickup transport writes <c>.eml</c> files to; relative paths start at the working directory.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>Folder the development SMS sink writes <c>.txt</c> files to; relative paths start at the working directory.</summary>
    public string SmsDirectory { get; set; } = "data/sms";

    /// <summary>The SMTP server, used when <see cref="Mode"/> is <see cref="MailMode.Smtp"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}
