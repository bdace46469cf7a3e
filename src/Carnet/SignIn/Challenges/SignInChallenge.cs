namespace Carnet.SignIn.Challenges;

/// <summary>
/// The second step of a sign-in or a password reset, opened once the first step passed: a one-time code
/// sent to a registered contact, or the code of an authenticator app. Identified by a random token of
/// which only a hash is stored; single use, short-lived, a few attempts.
/// </summary>
public sealed class SignInChallenge
{
    public const int MaxAttempts = 5;

    private SignInChallenge()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The account signing in; none for a passkey sign-in, whose account the passkey itself names.</summary>
    public Guid? AccountId { get; private set; }

    public ChallengePurpose Purpose { get; private set; }

    public SecondFactor Factor { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    /// <summary>Hash of the code sent (sent codes only; authenticator codes are computed, not stored).</summary>
    public byte[]? CodeHash { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CodeSentAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Codes issued by this challenge (the first and each resend): caps what one person can make Carnet send.</summary>
    public int CodesSent { get; private set; }

    /// <summary>The WebAuthn ceremony state Identity's passkey handler needs back (passkey challenges only).</summary>
    public string? CeremonyState { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Optimistic concurrency: parallel guesses cannot get past the attempt limit.</summary>
    public int Version { get; private set; }

    public static (SignInChallenge Challenge, string Token) Open(Guid? accountId, ChallengePurpose purpose, SecondFactor factor, DateTimeOffset at, TimeSpan lifetime)
    {
        var token = Secrets.Token();
        return (new SignInChallenge
        {
            Id = Guid.CreateVersion7(at),
            AccountId = accountId,
            Purpose = purpose,
            Factor = factor,
            TokenHash = Secrets.Hash(token),
            StartedAt = at,
            ExpiresAt = at + lifetime,
        }, token);
    }

    /// <summary>Opens a passkey ceremony (registration or sign-in) whose state is checked when the browser answers.</summary>
    public static (SignInChallenge Challenge, string Token) OpenCeremony(Guid? accountId, ChallengePurpose purpose, string state, DateTimeOffset at, TimeSpan lifetime)
    {
        var (challenge, token) = Open(accountId, purpose, SecondFactor.Passkey, at, lifetime);
        challenge.CeremonyState = state;
        return (challenge, token);
    }

    /// <summary>A ceremony is answered once, right or wrong.</summary>
    public void EndCeremony(DateTimeOffset at)
    {
        CompletedAt = at;
        CeremonyState = null;
        Version++;
    }

    public bool IsUsable(DateTimeOffset now) => CompletedAt is null && now < ExpiresAt && Attempts < MaxAttempts;

    /// <summary>Issues a new code to send by e-mail or SMS (at most one every 30 s); returns it in clear for the message.</summary>
    public string IssueCode(SecondFactor factor, DateTimeOffset now)
    {
        Records.LifecycleRules.EnsureNewCodeAllowed(CodeSentAt, now);
        var code = Secrets.SixDigits();
        Factor = factor;
        CodeHash = Secrets.Hash(code);
        CodeSentAt = now;
        CodesSent++;
        Version++;
        return code;
    }

    /// <summary>Checks a sent code. A wrong code counts as an attempt; the caller saves before reporting it.</summary>
    public bool TryConfirmSentCode(string? code, DateTimeOffset now)
    {
        Version++;
        if (CodeHash is not null && Secrets.Matches(CodeHash, code?.Trim()))
        {
            CompletedAt = now;
            CodeHash = null;
            return true;
        }

        Attempts++;
        return false;
    }

    /// <summary>Records the outcome of an authenticator code checked by the caller.</summary>
    public bool RecordAuthenticatorCode(bool valid, DateTimeOffset now)
    {
        Version++;
        if (valid)
        {
            CompletedAt = now;
            return true;
        }

        Attempts++;
        return false;
    }
}
