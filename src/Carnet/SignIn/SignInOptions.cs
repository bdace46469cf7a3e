namespace Carnet.SignIn;

/// <summary>Configuration section <c>Carnet:SignIn</c>: sessions, one-time codes, lockout and rate limits.</summary>
public sealed class SignInOptions
{
    /// <summary>Send the session cookie over HTTPS only. Leave on in production; the development settings turn it off for plain http://127.0.0.1.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>A session unused this long ends.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, used or not.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a sign-in one-time code can be used.</summary>
    public TimeSpan OneTimeCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong passwords or codes in a row before the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in, code and password-reset requests allowed per minute from one address.</summary>
    public int RequestsPerMinute { get; set; } = 20;
}
