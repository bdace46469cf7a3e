namespace Carnet.Mail;

/// <summary>Where outgoing e-mail goes.</summary>
public enum MailMode
{
    /// <summary>Writes each message as an <c>.eml</c> file in <see cref="MailOptions.PickupDirectory"/> (development).</summary>
    Pickup,

    /// <summary>Sends through the SMTP server of <see cref="MailOptions.Smtp"/> (production).</summary>
    Smtp,
}
