namespace Carnet.Tests.Mail;

/// <summary>One message a <see cref="TestSmtpServer"/> accepted: the envelope and the DATA, dot-unstuffed.</summary>
public sealed record ReceivedMessage(string ReversePath, IReadOnlyList<string> Recipients, string Data)
{
    public ParsedMail Parse() => ParsedMail.Parse(Data);
}
