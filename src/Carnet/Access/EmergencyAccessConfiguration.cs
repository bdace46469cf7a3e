using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Access;

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> builder)
    {
        builder.ToTable("EmergencyAccesses");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.IdNatPs).HasMaxLength(12);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(e => e.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.RecordId, e.IdNatPs, e.ExpiresAt });
    }
}
