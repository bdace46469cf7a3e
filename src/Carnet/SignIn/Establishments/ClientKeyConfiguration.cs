using Carnet.Professionals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.SignIn.Establishments;

internal sealed class ClientKeyConfiguration : IEntityTypeConfiguration<ClientKey>
{
    public void Configure(EntityTypeBuilder<ClientKey> builder)
    {
        builder.ToTable("ClientKeys");
        builder.HasKey(k => k.Id);

        // Every assertion names its key by (client, kid); the unique index also refuses a kid reused by the same client.
        builder.HasIndex(k => new { k.EstablishmentClientId, k.Kid }).IsUnique();
        builder.Property(k => k.Kid).HasMaxLength(ClientPublicKey.MaxKidLength);
        builder.Property(k => k.Algorithm).HasMaxLength(10);
        builder.Property(k => k.PublicJwk).HasMaxLength(4000);
        builder.HasOne<EstablishmentClient>().WithMany().HasForeignKey(k => k.EstablishmentClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
