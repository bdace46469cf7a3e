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

        // The chain (docs/adr/0011). Sealing is a conditional update (WHERE Sequence IS NULL) and a
        // position is unique per record, so two sealers racing cannot fork a chain: the loser fails and retries.
        builder.Property(t => t.Sequence).IsConcurrencyToken();
        builder.Property(t => t.Hash).HasMaxLength(TraceChain.HashSize);
        builder.HasIndex(t => new { t.RecordId, t.Sequence }).IsUnique();

        // The sealer's queue: only unsealed rows are in it, so it stays a few seconds' worth of traces long.
        builder.HasIndex(t => t.Id, "IX_Traces_Unsealed").HasFilter("\"Sequence\" IS NULL");
    }
}
