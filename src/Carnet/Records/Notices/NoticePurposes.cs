namespace Carnet.Records.Notices;

/// <summary>The purposes of the messages the lifecycle sends (stored on outbox messages and letters).</summary>
public static class NoticePurposes
{
    /// <summary>The information before creation (CSP R1111-28); sending it starts the opposition window.</summary>
    public const string Notice = "notice";

    /// <summary>A new provisional code the person asked for.</summary>
    public const string ProvisionalCode = "provisional-code";

    /// <summary>A one-time code to confirm a contact during activation.</summary>
    public const string ContactCode = "contact-code";

    /// <summary>Telling the holder a lifecycle step happened (closure, deletion, suspension, majority).</summary>
    public const string Information = "information";
}
