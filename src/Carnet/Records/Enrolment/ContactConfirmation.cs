using Carnet.SignIn;

namespace Carnet.Records.Enrolment;

/// <summary>
/// One contact (e-mail or mobile) being confirmed with a one-time code during activation
/// (DOMAIN.md §3.3): single use, short-lived, a few attempts, at most one new code every 30 s.
/// </summary>
public sealed class ContactConfirmation
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public string? Address { get; private set; }

    public byte[]? CodeHash { get; private set; }

    public DateTimeOffset? CodeSentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>Issues a new code for <paramref name="address"/>; returns it in clear for the message.</summary>
    public string SendCode(string address, DateTimeOffset now)
    {
        LifecycleRules.EnsureNewCodeAllowed(CodeSentAt, now);

        var code = Secrets.SixDigits();
        Address = address;
        CodeHash = Secrets.Hash(code);
        CodeSentAt = now;
        Attempts = 0;
        ConfirmedAt = null;
        return code;
    }

    public void Confirm(string? code, DateTimeOffset now)
    {
        if (IsConfirmed)
        {
            throw new LifecycleException("code_already_used", "This contact is already confirmed.");
        }

        if (CodeHash is null || CodeSentAt is null)
        {
            throw new LifecycleException("no_code_sent", "No code was sent yet: enter the contact first, then the code you receive.");
        }

        if (now - CodeSentAt >= CodeLifetime)
        {
            throw new LifecycleException("code_expired", "This code has expired (codes last 10 minutes). Ask for a new code.");
        }

        if (Attempts >= MaxAttempts)
        {
            throw new LifecycleException("too_many_attempts", "Too many wrong codes. Ask for a new code.");
        }

        if (!Secrets.Matches(CodeHash, code?.Trim()))
        {
            Attempts++;
            throw new LifecycleException("code_invalid", $"This code is not the one we sent. Check it and try again ({MaxAttempts - Attempts} attempt(s) left), or ask for a new code.");
        }

        ConfirmedAt = now;
        CodeHash = null;
    }
}
