using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Professionals;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.ToTable("Establishments");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Finess).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(300);
    }
}
