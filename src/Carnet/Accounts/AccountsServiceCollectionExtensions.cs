using Carnet.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Accounts;

/// <summary>Accounts on ASP.NET Core Identity; sign-in flows arrive with issue #3.</summary>
public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<Account>(ConfigureIdentity)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<CarnetDbContext>();
        return services;
    }

    /// <summary>
    /// Identity's settings. The store settings shape the database model, so the design-time factories
    /// use this too: <c>dotnet ef</c> and the running host must build the same model.
    /// </summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        // The login rules of DOMAIN.md §3.3 (LoginRules) are checked before; these only back them up.
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_";
        o.User.RequireUniqueEmail = false;
        o.Password.RequiredLength = 9;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }
}
