using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Documents;

internal sealed class StagedBinaryConfiguration : IEntityTypeConfiguration<StagedBinary>
{
    public void Configure(EntityTypeBuilder<StagedBinary> builder)
    {
        builder.ToTable("StagedBinaries");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.DepositorId).HasMaxLength(100);
        builder.Property(b => b.ContentType).HasMaxLength(128);
        builder.Property(b => b.BlobKey).HasMaxLength(128);
        builder.Property(b => b.Sha256).HasMaxLength(32);
        builder.Property(b => b.Sha1).HasMaxLength(20);
        builder.HasIndex(b => b.ExpiresAt);
        builder.HasIndex(b => b.BlobKey);
    }
}
