using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Records.Notices;

internal sealed class PostalLetterConfiguration : IEntityTypeConfiguration<PostalLetter>
{
    public void Configure(EntityTypeBuilder<PostalLetter> builder)
    {
        builder.ToTable("PostalLetters");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Purpose).HasMaxLength(50);
        builder.Property(l => l.Recipient).HasMaxLength(300);
        builder.OwnsOne(l => l.Address, PostalAddressMapping.MapColumns);
        builder.Navigation(l => l.Address).IsRequired();
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(l => l.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ExportedAt, l.CreatedAt });
    }
}
