using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Records.Enrolment;

internal sealed class ProvisionalCodeConfiguration : IEntityTypeConfiguration<ProvisionalCode>
{
    public void Configure(EntityTypeBuilder<ProvisionalCode> builder)
    {
        builder.ToTable("ProvisionalCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Hash).HasMaxLength(32);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RecordId, c.IssuedAt });
    }
}
