using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Records;

internal sealed class HealthRecordConfiguration : IEntityTypeConfiguration<HealthRecord>
{
    public void Configure(EntityTypeBuilder<HealthRecord> builder)
    {
        builder.ToTable("Records");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.Nir).IsUnique();
        builder.Property(r => r.FamilyName).HasMaxLength(200);
        builder.Property(r => r.GivenNames).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.Mobile).HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.OwnsOne(r => r.Address, PostalAddressMapping.MapColumns);

        // The jobs scan by state and due date: these keep them index-driven at national scale.
        builder.HasIndex(r => new { r.State, r.NoticeSentAt });
        builder.HasIndex(r => new { r.State, r.SuspendedAt });
        builder.HasIndex(r => new { r.State, r.PurgeDueAt });
        builder.HasIndex(r => new { r.State, r.DeletionRequestedAt });
        builder.Ignore(r => r.Ins);
    }
}
