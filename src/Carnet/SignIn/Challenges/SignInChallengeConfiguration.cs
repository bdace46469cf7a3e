using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.SignIn.Challenges;

internal sealed class SignInChallengeConfiguration : IEntityTypeConfiguration<SignInChallenge>
{
    public void Configure(EntityTypeBuilder<SignInChallenge> builder)
    {
        builder.ToTable("SignInChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TokenHash).HasMaxLength(32);
        builder.Property(c => c.CodeHash).HasMaxLength(32);
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => c.ExpiresAt);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.CeremonyState).HasMaxLength(8000);
    }
}
