using Carnet.Identifiers;

namespace Carnet.Records.Credentials;

/// <summary>The rules a holder's login must follow at activation (DOMAIN.md §3).</summary>
public static class LoginRules
{
    public const int MinimumLength = 8;

    public const string TooShort = "login_too_short";
    public const string ForbiddenCharacters = "login_forbidden_characters";
    public const string IsEmail = "login_is_email";
    public const string IsNir = "login_is_nir";
    public const string IsIban = "login_is_iban";

    /// <summary>Every rule the login breaks, so a form can show them all at once; empty when the login is valid.</summary>
    public static IReadOnlyList<CredentialProblem> Check(string? login)
    {
        var value = login ?? string.Empty;
        var problems = new List<CredentialProblem>();

        if (value.Length < MinimumLength)
        {
            problems.Add(new CredentialProblem(TooShort, "Use at least 8 characters: letters, digits and . - _ only."));
        }

        if (!HasOnlyAllowedCharacters(value))
        {
            problems.Add(new CredentialProblem(ForbiddenCharacters, "Use only letters without accents (a to z, A to Z), digits and the characters . - _ (no spaces or other symbols)."));
        }

        if (LooksLikeEmail(value))
        {
            problems.Add(new CredentialProblem(IsEmail, "Do not use an e-mail address as your login: choose a login of your own."));
        }

        if (LooksLikeNir(value))
        {
            problems.Add(new CredentialProblem(IsNir, "Do not use a social security number, or any 13- or 15-digit number, as your login: choose a login of your own."));
        }

        if (Iban.IsValid(value))
        {
            problems.Add(new CredentialProblem(IsIban, "Do not use a bank account number (IBAN) as your login: choose a login of your own."));
        }

        return problems;
    }

    private static bool HasOnlyAllowedCharacters(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shape local@domain.tld: enough to recognise an address without validating it.</summary>
    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1;
    }

    /// <summary>
    /// A valid NIR, and also any 13 or 15 digits: the number without its key, or with a mistyped key, still reads as
    /// a social security number to anyone who sees the login, and the login is not secret.
    /// </summary>
    private static bool LooksLikeNir(string value)
    {
        if (Nir.TryParse(value, out _))
        {
            return true;
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (c is '.' or '-' or '_' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            digits++;
        }

        return digits is 13 or 15;
    }
}
