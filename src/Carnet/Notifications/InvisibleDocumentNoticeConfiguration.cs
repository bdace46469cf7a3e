using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Notifications;

internal sealed class InvisibleDocumentNoticeConfiguration : IEntityTypeConfiguration<InvisibleDocumentNotice>
{
    public void Configure(EntityTypeBuilder<InvisibleDocumentNotice> builder)
    {
        builder.ToTable("InvisibleDocumentNotices");
        builder.HasKey(n => new { n.DocumentId, n.Kind });
    }
}
