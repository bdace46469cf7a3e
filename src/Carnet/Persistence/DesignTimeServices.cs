using Carnet.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Persistence;

/// <summary>The application services the model depends on (Identity's store settings), for design time.</summary>
internal static class DesignTimeServices
{
    public static ServiceProvider Create() =>
        new ServiceCollection().Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(AccountsServiceCollectionExtensions.ConfigureIdentity).BuildServiceProvider();
}
