using Carnet.Professionals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Kind).HasMaxLength(20);
        builder.HasIndex(a => a.HolderRecordId).IsUnique();
        builder.HasIndex(a => a.ProfessionalId).IsUnique();
        builder.HasOne<Professional>().WithMany().HasForeignKey(a => a.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.AuthenticatorKey).HasMaxLength(1000);
    }
}
