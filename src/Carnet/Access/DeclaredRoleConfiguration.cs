using Carnet.Professionals;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Access;

internal sealed class DeclaredRoleConfiguration : IEntityTypeConfiguration<DeclaredRole>
{
    public void Configure(EntityTypeBuilder<DeclaredRole> builder)
    {
        builder.ToTable("DeclaredRoles");
        builder.HasKey(r => r.Id);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(r => r.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Professional>().WithMany().HasForeignKey(r => r.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RecordId, r.Role });
    }
}
