using Microsoft.AspNetCore.Authorization;

namespace Carnet.SignIn;

/// <summary>
/// The authorization policies route groups require. <see cref="HealthData"/> guards every endpoint that
/// reads or writes health data: the operator's staff never pass it, and its refusal looks like "not found".
/// </summary>
public static class SignInPolicies
{
    public const string HealthData = "health-data";

    /// <summary>Any person signed in with a session (holder, professional or operator).</summary>
    public const string Person = "person";
    public const string Holder = "holder";
    public const string Professional = "professional";
    public const string Operator = "operator";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(HealthData, p => p.AddAuthenticationSchemes(SignInSchemes.Default).AddRequirements(new HealthDataRequirement()));
        options.AddPolicy(Person, p => p.AddAuthenticationSchemes(SignInSchemes.Session).RequireClaim(CarnetClaims.Session));
        options.AddPolicy(Holder, p => p.AddAuthenticationSchemes(SignInSchemes.Session).RequireClaim(CarnetClaims.Kind, nameof(CallerKind.Holder)));
        options.AddPolicy(Professional, p => p.AddAuthenticationSchemes(SignInSchemes.Session).RequireClaim(CarnetClaims.Kind, nameof(CallerKind.Professional)));
        options.AddPolicy(Operator, p => p.AddAuthenticationSchemes(SignInSchemes.Session).RequireClaim(CarnetClaims.Kind, nameof(CallerKind.Operator)));
    }
}
