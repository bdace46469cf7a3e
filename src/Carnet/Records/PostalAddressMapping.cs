using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Records;

/// <summary>How a postal address is stored wherever one is kept (records, letters): the same columns.</summary>
internal static class PostalAddressMapping
{
    public static void MapColumns<TOwner>(OwnedNavigationBuilder<TOwner, PostalAddress> address)
        where TOwner : class
    {
        address.Property(p => p.Line1).HasMaxLength(200).HasColumnName("AddressLine1");
        address.Property(p => p.Line2).HasMaxLength(200).HasColumnName("AddressLine2");
        address.Property(p => p.PostalCode).HasMaxLength(20).HasColumnName("PostalCode");
        address.Property(p => p.City).HasMaxLength(100).HasColumnName("City");
        address.Property(p => p.Country).HasMaxLength(100).HasColumnName("Country");
    }
}
