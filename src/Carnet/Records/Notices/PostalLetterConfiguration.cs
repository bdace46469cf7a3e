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
        builder.OwnsOne(l => l.Address, a =>
        {
            a.Property(p => p.Line1).HasMaxLength(200).HasColumnName("AddressLine1");
            a.Property(p => p.Line2).HasMaxLength(200).HasColumnName("AddressLine2");
            a.Property(p => p.PostalCode).HasMaxLength(20).HasColumnName("PostalCode");
            a.Property(p => p.City).HasMaxLength(100).HasColumnName("City");
            a.Property(p => p.Country).HasMaxLength(100).HasColumnName("Country");
        });
        builder.Navigation(l => l.Address).IsRequired();
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(l => l.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ExportedAt, l.CreatedAt });
    }
}
