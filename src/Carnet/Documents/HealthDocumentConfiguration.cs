using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Documents;

internal sealed class HealthDocumentConfiguration : IEntityTypeConfiguration<HealthDocument>
{
    public void Configure(EntityTypeBuilder<HealthDocument> builder)
    {
        builder.ToTable("Documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.MasterIdentifier).HasMaxLength(256);
        builder.Property(d => d.Title).HasMaxLength(256);
        builder.Property(d => d.Category).HasMaxLength(16);
        builder.Property(d => d.TypeCode).HasMaxLength(64);
        builder.Property(d => d.TypeSystem).HasMaxLength(128);
        builder.Property(d => d.ClassCode).HasMaxLength(64);
        builder.Property(d => d.FormatCode).HasMaxLength(128);
        builder.Property(d => d.ContentType).HasMaxLength(128);
        builder.Property(d => d.Sha256).HasMaxLength(32);
        builder.Property(d => d.Sha1).HasMaxLength(20);
        builder.Property(d => d.BlobKey).HasMaxLength(128);
        builder.Property(d => d.RenditionBlobKey).HasMaxLength(128);
        builder.Property(d => d.RenditionContentType).HasMaxLength(128);
        builder.Property(d => d.RenditionSha256).HasMaxLength(32);
        builder.Property(d => d.AuthorId).HasMaxLength(32);
        builder.Property(d => d.AuthorName).HasMaxLength(200);
        builder.Property(d => d.AuthorFiness).HasMaxLength(9);
        builder.Property(d => d.DepositorId).HasMaxLength(100);
        builder.Property(d => d.DepositorName).HasMaxLength(200);
        builder.Property(d => d.DepositorClientId).HasMaxLength(100);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Confidentiality);
        builder.Ignore(d => d.ContentId);

        // XDS uniqueId is unique everywhere: the index is what makes a retried deposit idempotent across nodes.
        builder.HasIndex(d => d.MasterIdentifier).IsUnique();
        builder.HasIndex(d => new { d.RecordId, d.DepositedAt });
        builder.HasIndex(d => d.SubmissionId);
        builder.HasIndex(d => d.BinaryId);
        builder.HasIndex(d => d.BlobKey);
        builder.HasIndex(d => d.RenditionBlobKey);
    }
}
