using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Professionals;

internal sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> builder)
    {
        builder.ToTable("Professionals");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.IdNatPs).IsUnique();
        builder.Property(p => p.FamilyName).HasMaxLength(200);
        builder.Property(p => p.GivenNames).HasMaxLength(200);
        builder.Property(p => p.ProfessionCode).HasMaxLength(10);
        builder.Property(p => p.SpecialtyCode).HasMaxLength(10);
        builder.Property(p => p.Email).HasMaxLength(320);
    }
}
