using System.Globalization;
using System.Security.Claims;
using Carnet.Accounts;
using Carnet.Professionals;
using Carnet.SignIn.Sessions;

namespace Carnet.SignIn;

/// <summary>The claims of a person's session cookie: who they are, which stored session, how they proved it.</summary>
public static class SessionPrincipal
{
    public static ClaimsPrincipal Create(Account account, AccountSession session, string displayName, Professional? professional)
    {
        var kind = account.Kind switch
        {
            AccountKind.Holder => CallerKind.Holder,
            AccountKind.Professional => CallerKind.Professional,
            _ => CallerKind.Operator,
        };
        var claims = new List<Claim>
        {
            new(CarnetClaims.Kind, kind.ToString()),
            new(CarnetClaims.Account, account.Id.ToString()),
            new(CarnetClaims.Session, session.Id.ToString()),
            new(CarnetClaims.Name, displayName),
        };
        claims.AddRange(session.Methods.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => new Claim(CarnetClaims.Methods, m)));
        if (account.HolderRecordId is { } record)
        {
            claims.Add(new Claim(CarnetClaims.HolderRecord, record.ToString()));
        }

        if (professional is not null)
        {
            claims.Add(new Claim(CarnetClaims.IdNatPs, professional.IdNatPs.Value));
            claims.Add(new Claim(CarnetClaims.Profession, professional.ProfessionCode));
            if (professional.SpecialtyCode is not null)
            {
                claims.Add(new Claim(CarnetClaims.Specialty, professional.SpecialtyCode));
            }
        }

        claims.Add(new Claim("auth_time", session.StartedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SignInSchemes.Session, CarnetClaims.Name, null));
    }
}
