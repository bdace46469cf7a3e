using Carnet.Identifiers;
using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Enrolment;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Persistence;

/// <summary>The bulk path writes exactly what EF Core would: every column, conversion and owned value.</summary>
public class BulkInsertTests
{
    [Theory]
    [DatabaseProviders]
    public async Task Rows_written_in_bulk_read_back_identical(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 123, TimeSpan.Zero).AddTicks(4560);
        var person = new InsuredPerson(Nir.Parse(People.Alice), InsAuthority.DemoNir, "MARTIN", "Alice Éloïse", new DateOnly(1985, 3, 21), VitaleSerial.Parse(People.AliceVitale), People.AliceEmail, People.AliceMobile, new PostalAddress("1 place Bellecour", null, "69002", "Lyon", "France"), []);
        var record = HealthRecord.Import(person, at);
        record.NoticeSent(at.AddDays(1));
        var representation = Representation.Start(record, Nir.Parse(People.Parent), new DateOnly(2026, 3, 4), at);
        var (code, clear) = ProvisionalCode.Issue(record.Id, at, TimeSpan.FromDays(60));
        var message = OutboxMessage.Create(OutboxChannel.Email, People.AliceEmail, "Sujet é", "Corps\nligne 2", "notice", record.Id, at);

        await host.QueryAsync(async db =>
        {
            db.Records.Add(record);
            db.Representations.Add(representation);
            db.ProvisionalCodes.Add(code);
            db.OutboxMessages.Add(message);
            await db.SaveChangesInBulkAsync(CancellationToken.None);
            db.ChangeTracker.Entries().ShouldBeEmpty();
            return 0;
        });

        var read = await host.RecordAsync(People.Alice);
        read.ShouldBeEquivalentTo(record);
        (await host.QueryAsync(db => db.Representations.AsNoTracking().SingleAsync())).ShouldBeEquivalentTo(representation);
        var readCode = await host.QueryAsync(db => db.ProvisionalCodes.AsNoTracking().SingleAsync());
        readCode.Matches(ProvisionalCode.Normalise(clear)).ShouldBeTrue();
        (await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync())).ShouldBeEquivalentTo(message);
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_failed_bulk_write_saves_nothing(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        await host.ImportAsync(People.AliceLine());
        var duplicate = HealthRecord.Import(new InsuredPerson(Nir.Parse(People.Alice), InsAuthority.InsNir, "X", "Y", new DateOnly(1985, 3, 21), VitaleSerial.Parse(People.AliceVitale), null, null, null, []), host.Clock.UtcNow);
        var other = HealthRecord.Import(new InsuredPerson(Nir.Parse(People.Bruno), InsAuthority.InsNir, "X", "Y", new DateOnly(1979, 1, 3), VitaleSerial.Parse(People.AliceVitale), null, null, null, []), host.Clock.UtcNow);

        await Should.ThrowAsync<System.Data.Common.DbException>(() => host.QueryAsync(async db =>
        {
            db.Records.AddRange(other, duplicate);
            await db.SaveChangesInBulkAsync(CancellationToken.None);
            return 0;
        }));

        (await host.QueryAsync(db => db.Records.CountAsync())).ShouldBe(1);
    }
}
