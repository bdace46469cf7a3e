using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Audit;

internal sealed class TraceConfiguration : IEntityTypeConfiguration<Trace>
{
    public void Configure(EntityTypeBuilder<Trace> builder)
    {
        builder.ToTable("Traces");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ActorId).HasMaxLength(100);
        builder.Property(t => t.ActorName).HasMaxLength(200);
        builder.Property(t => t.Action).HasMaxLength(64);
        builder.Property(t => t.Target).HasMaxLength(200);
        builder.HasIndex(t => new { t.RecordId, t.At });
    }
}
