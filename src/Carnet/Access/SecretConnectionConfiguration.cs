using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Access;

internal sealed class SecretConnectionConfiguration : IEntityTypeConfiguration<SecretConnection>
{
    public void Configure(EntityTypeBuilder<SecretConnection> builder)
    {
        builder.ToTable("SecretConnections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.IdNatPs).HasMaxLength(12);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RecordId, c.IdNatPs, c.ExpiresAt });
    }
}
