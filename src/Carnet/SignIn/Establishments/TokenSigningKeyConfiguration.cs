using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.SignIn.Establishments;

internal sealed class TokenSigningKeyConfiguration : IEntityTypeConfiguration<TokenSigningKey>
{
    public void Configure(EntityTypeBuilder<TokenSigningKey> builder)
    {
        builder.ToTable("TokenSigningKeys");
        builder.HasKey(k => k.Id);

        // Two nodes creating the first key (or rotating) at once: only one generation N can exist.
        builder.HasIndex(k => k.Generation).IsUnique();
        builder.HasIndex(k => k.Kid).IsUnique();
        builder.Property(k => k.Kid).HasMaxLength(64);
        builder.Property(k => k.PublicJwk).HasMaxLength(1000);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(4000);
    }
}
