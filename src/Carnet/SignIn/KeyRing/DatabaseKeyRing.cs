using System.Xml.Linq;
using Carnet.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.SignIn.KeyRing;

/// <summary>
/// Keeps Data Protection's key ring in the database, so that every node reads the cookies, antiforgery
/// tokens and protected secrets the others wrote. (The EF Core package for this is not in the mirror; the
/// interface is two methods.) Data Protection calls it synchronously and rarely: at start and on rotation.
/// </summary>
public sealed class DatabaseKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        return [.. db.Set<DataProtectionKey>().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        db.Set<DataProtectionKey>().Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
