using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Records.Enrolment;

internal sealed class ActivationSessionConfiguration : IEntityTypeConfiguration<ActivationSession>
{
    public void Configure(EntityTypeBuilder<ActivationSession> builder)
    {
        builder.ToTable("ActivationSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TokenHash).HasMaxLength(32);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasOne<HealthRecord>().WithMany().HasForeignKey(s => s.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(s => s.Email, c =>
        {
            c.Property(p => p.Address).HasMaxLength(320).HasColumnName("Email");
            c.Property(p => p.CodeHash).HasMaxLength(32).HasColumnName("EmailCodeHash");
            c.Property(p => p.CodeSentAt).HasColumnName("EmailCodeSentAt");
            c.Property(p => p.Attempts).HasColumnName("EmailCodeAttempts");
            c.Property(p => p.ConfirmedAt).HasColumnName("EmailConfirmedAt");
        });
        builder.Navigation(s => s.Email).IsRequired();
        builder.OwnsOne(s => s.Mobile, c =>
        {
            c.Property(p => p.Address).HasMaxLength(20).HasColumnName("Mobile");
            c.Property(p => p.CodeHash).HasMaxLength(32).HasColumnName("MobileCodeHash");
            c.Property(p => p.CodeSentAt).HasColumnName("MobileCodeSentAt");
            c.Property(p => p.Attempts).HasColumnName("MobileCodeAttempts");
            c.Property(p => p.ConfirmedAt).HasColumnName("MobileConfirmedAt");
        });
        builder.Navigation(s => s.Mobile).IsRequired();
    }
}
