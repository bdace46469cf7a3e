using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.SignIn.Establishments;

internal sealed class UsedClientAssertionConfiguration : IEntityTypeConfiguration<UsedClientAssertion>
{
    public const int MaxJtiLength = 200;

    public void Configure(EntityTypeBuilder<UsedClientAssertion> builder)
    {
        builder.ToTable("UsedClientAssertions");

        // jti is unique per issuer (RFC 7519 §4.1.7): the key refuses a second use on every node.
        builder.HasKey(a => new { a.ClientId, a.Jti });
        builder.Property(a => a.ClientId).HasMaxLength(64);
        builder.Property(a => a.Jti).HasMaxLength(MaxJtiLength);
        builder.HasIndex(a => a.ExpiresAt);
    }
}
