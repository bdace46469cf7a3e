namespace Carnet.Mail;

/// <summary>A text message to a mobile number in E.164 form (+33…).</summary>
public sealed record SmsEnvelope(string To, string Text);
