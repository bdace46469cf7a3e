using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Access.Delegations;

internal sealed class CaregiverLinkConfiguration : IEntityTypeConfiguration<CaregiverLink>
{
    public void Configure(EntityTypeBuilder<CaregiverLink> builder)
    {
        builder.ToTable("CaregiverLinks");
        builder.HasKey(l => l.Id);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(l => l.HolderRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(l => l.CaregiverRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.HolderRecordId, l.Status });
        builder.HasIndex(l => new { l.CaregiverRecordId, l.Status });
        builder.Property(l => l.EndedBy).HasMaxLength(20);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
