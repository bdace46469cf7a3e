namespace Carnet.Mail;

/// <summary>A plain-text e-mail ready to hand to a transport.</summary>
public sealed record MailEnvelope(string To, string Subject, string TextBody);
