using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Professionals;

internal sealed class EstablishmentClientConfiguration : IEntityTypeConfiguration<EstablishmentClient>
{
    public void Configure(EntityTypeBuilder<EstablishmentClient> builder)
    {
        builder.ToTable("EstablishmentClients");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.Property(c => c.ClientId).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasOne<Establishment>().WithMany().HasForeignKey(c => c.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
