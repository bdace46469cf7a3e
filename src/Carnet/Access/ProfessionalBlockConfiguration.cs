using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Access;

internal sealed class ProfessionalBlockConfiguration : IEntityTypeConfiguration<ProfessionalBlock>
{
    public void Configure(EntityTypeBuilder<ProfessionalBlock> builder)
    {
        builder.ToTable("ProfessionalBlocks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.IdNatPs).HasMaxLength(12);
        builder.Property(b => b.ProfessionalName).HasMaxLength(200);
        builder.Property(b => b.BlockedByName).HasMaxLength(200);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(b => b.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.RecordId, b.IdNatPs });
    }
}
