using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Documents.Encryption;

internal sealed class RecordKeyConfiguration : IEntityTypeConfiguration<RecordKey>
{
    public void Configure(EntityTypeBuilder<RecordKey> builder)
    {
        builder.ToTable("RecordKeys");
        builder.HasKey(k => k.RecordId);
        builder.Property(k => k.MasterKeyId).HasMaxLength(64);
        builder.Property(k => k.WrappedKey).HasMaxLength(60);
        builder.HasIndex(k => k.MasterKeyId);
    }
}
