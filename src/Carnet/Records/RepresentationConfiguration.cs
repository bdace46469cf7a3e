using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Records;

internal sealed class RepresentationConfiguration : IEntityTypeConfiguration<Representation>
{
    public void Configure(EntityTypeBuilder<Representation> builder)
    {
        builder.ToTable("Representations");
        builder.HasKey(r => r.Id);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(r => r.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RecordId, r.RepresentativeNir }).IsUnique();
        builder.HasIndex(r => r.RepresentativeNir);
        builder.HasIndex(r => new { r.EndedAt, r.EndsOn });
        builder.Property(r => r.EndReason).HasMaxLength(40);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
