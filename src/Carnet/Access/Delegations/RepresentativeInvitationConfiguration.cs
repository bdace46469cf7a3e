using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Access.Delegations;

internal sealed class RepresentativeInvitationConfiguration : IEntityTypeConfiguration<RepresentativeInvitation>
{
    public void Configure(EntityTypeBuilder<RepresentativeInvitation> builder)
    {
        builder.ToTable("RepresentativeInvitations");
        builder.HasKey(i => i.Id);
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(i => i.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.RecordId, i.Status });
        builder.HasIndex(i => new { i.InviteeRecordId, i.Status });
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
