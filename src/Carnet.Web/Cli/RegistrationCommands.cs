using System.CommandLine;
using Carnet.Professionals;

namespace Carnet.Web.Cli;

/// <summary><c>carnet professionals|establishments|clients register</c>; the clients' keys are in <see cref="ClientKeyCommands"/>.</summary>
public static class RegistrationCommands
{
    public static Command Professionals(CliContext context)
    {
        var rpps = new Option<string?>("--rpps") { Description = "11-digit RPPS number (or use --adeli)." };
        var adeli = new Option<string?>("--adeli") { Description = "9-character ADELI number, for professions without RPPS." };
        var family = new Option<string>("--family-name") { Required = true };
        var given = new Option<string>("--given-names") { Required = true };
        var profession = new Option<string>("--profession") { Required = true, Description = "TRE_G15 code: 10 médecin, 21 pharmacien, 40 chirurgien-dentiste, 50 sage-femme, 60 infirmier…" };
        var specialty = new Option<string?>("--specialty") { Description = "TRE_R38 code, for example SM54 (médecine générale)." };
        var email = new Option<string?>("--email");
        var register = new Command("register", "Register a professional.") { rpps, adeli, family, given, profession, specialty, email };
        register.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var result = await services.GetRequiredService<RegisterProfessional>().HandleAsync(
                new RegisterProfessional.Request(parse.GetValue(rpps), parse.GetValue(adeli), parse.GetValue(family), parse.GetValue(given), parse.GetValue(profession), parse.GetValue(specialty), parse.GetValue(email)),
                token);
            context.Out.WriteLine($"Registered professional idNat_PS {result.IdNatPs}.");
            if (!result.RppsPassesLuhn)
            {
                context.Out.WriteLine("Warning: this RPPS number fails the Luhn check; RPPS numbers do not always pass it, but check it against the RPPS directory.");
            }

            return ExitCodes.Success;
        }, ct));
        return new Command("professionals", "Health professionals.") { register };
    }

    public static Command Establishments(CliContext context)
    {
        var finess = new Option<string>("--finess") { Required = true, Description = "9-character FINESS number." };
        var name = new Option<string>("--name") { Required = true };
        var kind = new Option<EstablishmentKind>("--kind") { DefaultValueFactory = _ => EstablishmentKind.Other, Description = "Hospital, Laboratory, ImagingCentre, Clinic, HealthCentre, RegulationCentre (a SAMU, the only one that may call in centre_15 mode) or Other." };
        var register = new Command("register", "Register an establishment.") { finess, name, kind };
        register.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            await services.GetRequiredService<RegisterEstablishment>().HandleAsync(new RegisterEstablishment.Request(parse.GetValue(finess), parse.GetValue(name), parse.GetValue(kind)), token);
            context.Out.WriteLine($"Registered establishment {parse.GetValue(finess)}.");
            return ExitCodes.Success;
        }, ct));
        return new Command("establishments", "Establishments (hospitals, laboratories…).") { register };
    }

    public static Command Clients(CliContext context)
    {
        var finess = new Option<string>("--finess") { Required = true, Description = "The establishment the software belongs to." };
        var name = new Option<string>("--name") { Required = true, Description = "What the software is, for example \"LIS production\"." };
        var register = new Command("register", "Register an establishment's software; prints its client id.") { finess, name };
        register.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var clientId = await services.GetRequiredService<RegisterEstablishmentClient>().HandleAsync(new RegisterEstablishmentClient.Request(parse.GetValue(finess), parse.GetValue(name)), token);
            context.Out.WriteLine(clientId);
            return ExitCodes.Success;
        }, ct));
        var clients = new Command("clients", "Establishment software clients (system-to-system API access).") { register };
        foreach (var command in ClientKeyCommands.Create(context))
        {
            clients.Subcommands.Add(command);
        }

        return clients;
    }
}
