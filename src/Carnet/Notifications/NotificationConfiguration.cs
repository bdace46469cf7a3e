using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Action).HasMaxLength(64);
        builder.Property(n => n.ActorId).HasMaxLength(100);
        builder.Property(n => n.ActorName).HasMaxLength(200);

        // The centre, newest first; and the lookup of today's notification of a professional to coalesce into.
        builder.HasIndex(n => new { n.RecordId, n.LastAt });
        builder.HasIndex(n => new { n.RecordId, n.Kind, n.ActorId, n.Day });
        builder.HasMany<NotificationRead>().WithOne().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
