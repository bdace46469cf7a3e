using System.CommandLine;
using Carnet.Accounts;
using Carnet.SignIn.People;

namespace Carnet.Web.Cli;

/// <summary><c>carnet accounts professional|operator</c>: open or re-issue the sign-in of a professional or of the operator's staff.</summary>
public static class AccountsCommand
{
    public static Command Create(CliContext context)
    {
        var rpps = new Option<string>("--rpps") { Required = true, Description = "The professional's RPPS number (11 digits) or idNat_PS; they must be registered." };
        var professional = new Command("professional", "Open (or re-issue) a professional's sign-in: prints a first password and an authenticator key, once.") { rpps };
        professional.SetAction((parse, ct) => IssueAsync(context, new IssueStaffAccount.Request(AccountKind.Professional, Professional: parse.GetValue(rpps)), ct));

        var login = new Option<string>("--login") { Required = true, Description = "At least 8 characters: letters, digits and . - _" };
        var email = new Option<string?>("--email") { Description = "Where the person is told of password changes." };
        var @operator = new Command("operator", "Open (or re-issue) the sign-in of a member of the operator's staff (administration, never health data).") { login, email };
        @operator.SetAction((parse, ct) => IssueAsync(context, new IssueStaffAccount.Request(AccountKind.Operator, Login: parse.GetValue(login), Email: parse.GetValue(email)), ct));

        return new Command("accounts", "Sign-in accounts of professionals and of the operator's staff.") { professional, @operator };
    }

    private static Task<int> IssueAsync(CliContext context, IssueStaffAccount.Request request, CancellationToken ct) =>
        context.RunAsync(async (services, token) =>
        {
            var result = await services.GetRequiredService<IssueStaffAccount>().HandleAsync(request, token);

            // Printed once for the operator to hand over by a secure channel; never logged.
            context.Out.WriteLine($"Login              {result.Login}");
            context.Out.WriteLine($"First password     {result.FirstPassword}");
            context.Out.WriteLine($"Authenticator key  {result.AuthenticatorUri}");
            context.Out.WriteLine("Hand these over securely. The person adds the key to an authenticator app (scan it as a QR code), signs in, then changes the password.");
            return ExitCodes.Success;
        }, ct);
}
