using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Documents;

internal sealed class DocumentSubmissionConfiguration : IEntityTypeConfiguration<DocumentSubmission>
{
    public void Configure(EntityTypeBuilder<DocumentSubmission> builder)
    {
        builder.ToTable("DocumentSubmissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.DepositorId).HasMaxLength(100);
        builder.Property(s => s.IdempotencyKey).HasMaxLength(128);
        builder.Property(s => s.SourceIdentifier).HasMaxLength(256);
        builder.HasIndex(s => new { s.DepositorId, s.IdempotencyKey }).IsUnique();
    }
}
