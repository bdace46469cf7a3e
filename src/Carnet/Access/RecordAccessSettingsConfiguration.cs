using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Carnet.Access;

internal sealed class RecordAccessSettingsConfiguration : IEntityTypeConfiguration<RecordAccessSettings>
{
    public void Configure(EntityTypeBuilder<RecordAccessSettings> builder)
    {
        builder.ToTable("RecordAccessSettings");
        builder.HasKey(s => s.RecordId);
        builder.HasOne<HealthRecord>().WithOne().HasForeignKey<RecordAccessSettings>(s => s.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
