namespace Carnet.Records.Notices;

/// <summary>A composed message: subject and plain-text body (French first, then English).</summary>
public sealed record NoticeText(string Subject, string Body);
