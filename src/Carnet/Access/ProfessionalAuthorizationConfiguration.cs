using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Access;

internal sealed class ProfessionalAuthorizationConfiguration : IEntityTypeConfiguration<ProfessionalAuthorization>
{
    public void Configure(EntityTypeBuilder<ProfessionalAuthorization> builder)
    {
        builder.ToTable("ProfessionalAuthorizations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.IdNatPs).HasMaxLength(12);
        builder.Property(a => a.ProfessionalName).HasMaxLength(200);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);

        // The gate asks "is this professional authorised on this record" on every read.
        builder.HasIndex(a => new { a.RecordId, a.IdNatPs });
        builder.HasIndex(a => a.IdNatPs);
    }
}
