using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Mail;
using Carnet.Notifications;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Carnet.Tests.Documents;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Notifications;

public sealed class NotificationTests
{
    [Theory]
    [DatabaseProviders]
    public async Task A_professional_reading_the_record_notifies_the_holder_once_a_day(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        await library.DepositOneAsync(library.Lab, Library.LabReport());

        for (var i = 0; i < 3; i++)
        {
            await library.FindAsync(library.Lab);
            library.Host.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var page = await CentreAsync(library, library.Holder);
        var access = page.Items.Where(n => n.Kind == NotificationKind.ProfessionalAccess).ShouldHaveSingleItem();
        access.Count.ShouldBe(3);
        access.ActorName.ShouldBe("Émilie ROBIN");
        access.Title.ShouldBe("Émilie ROBIN a consulté votre dossier (3 accès ce jour)");
        (await EmailsAsync(library)).Count(m => m.Body.Contains("consulté", StringComparison.Ordinal)).ShouldBe(1);

        library.Host.Clock.Advance(TimeSpan.FromDays(1));
        await library.FindAsync(library.Lab);
        (await CentreAsync(library, library.Holder)).Items.Count(n => n.Kind == NotificationKind.ProfessionalAccess).ShouldBe(2);
        (await EmailsAsync(library)).Count(m => m.Body.Contains("consulté", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task The_holder_reading_their_own_record_notifies_nothing()
    {
        await using var library = await Library.OpenAsync();
        await library.DepositOneAsync(library.Holder, Library.HolderNote(), "note"u8.ToArray());
        await library.FindAsync(library.Holder);

        (await CentreAsync(library, library.Holder)).Total.ShouldBe(0);
        (await EmailsAsync(library)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_emergency_access_is_notified_with_its_mode()
    {
        await using var library = await Library.OpenAsync();
        await library.DepositOneAsync(library.Lab, Library.LabReport());
        await library.FindAsync(library.Lab with { Mode = AccessMode.BreakTheGlass });
        await library.FindAsync(library.Lab with { Mode = AccessMode.BreakTheGlass });

        var emergencies = (await CentreAsync(library, library.Holder)).Items.Where(n => n.Kind == NotificationKind.EmergencyAccess).ToList();
        emergencies.Count.ShouldBe(2, "the opening of the emergency access, and the reads during it counted in one notification of the day");
        emergencies.ShouldAllBe(n => n.AccessMode == AccessMode.BreakTheGlass);
        emergencies.ShouldContain(n => n.Action == TraceActions.EmergencyAccessOpened && n.Count == 1);
        emergencies.ShouldContain(n => n.Action == TraceActions.DocumentsListed && n.Count == 2);
        emergencies[0].Title.ShouldBe("Émilie ROBIN a accédé à votre dossier en urgence (bris de glace)");
        (await CentreAsync(library, library.Holder)).Items.ShouldNotContain(n => n.Kind == NotificationKind.ProfessionalAccess, "an emergency access takes precedence");
        (await EmailsAsync(library)).Count(m => m.Body.Contains("bris de glace", StringComparison.Ordinal)).ShouldBe(1, "the holder is e-mailed when the emergency access is opened");
    }

    [Fact]
    public async Task A_document_deposited_by_a_professional_is_notified_and_emailed()
    {
        await using var library = await Library.OpenAsync();
        var report = await library.DepositOneAsync(library.Lab, Library.LabReport(title: "Sérologie VIH"));

        var notification = (await CentreAsync(library, library.Holder)).Items.ShouldHaveSingleItem();
        notification.Kind.ShouldBe(NotificationKind.DocumentByProfessional);
        notification.DocumentId.ShouldBe(report.Id);
        notification.Read.ShouldBeFalse();
        notification.Title.ShouldBe("Émilie ROBIN a ajouté un document à votre dossier");

        var email = (await EmailsAsync(library)).ShouldHaveSingleItem();
        email.To.ShouldBe(People.AliceEmail);
        email.RecordId.ShouldBe(library.RecordId);
        email.Body.ShouldNotContain("Sérologie", Case.Insensitive, "no health data in e-mails");
        email.Body.ShouldContain("http://127.0.0.1:5080/");
        (await library.Host.DispatchOutboxAsync()).ShouldBeGreaterThan(0);
        library.Host.Mail.Mails.ShouldContain(m => m.Subject.Contains("notification", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_version_deposited_by_a_professional_is_one_notification()
    {
        await using var library = await Library.OpenAsync();
        var first = await library.DepositOneAsync(library.Lab, Library.LabReport());
        library.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await library.DepositAsync(library.Lab, Library.LabReport(), Library.Pdf("v2"), replaces: first.Id);

        var items = (await CentreAsync(library, library.Holder)).Items;
        items.Count.ShouldBe(2);
        items[0].Title.ShouldBe("Émilie ROBIN a remplacé un document par une nouvelle version");
    }

    [Fact]
    public async Task A_holder_who_turned_off_access_emails_still_sees_the_notification_in_app()
    {
        await using var library = await Library.OpenAsync();
        await AddAccountAsync(library.Host, library.Holder, "alice.confirmed@example.org");
        await library.Host.RunAsync<ChangeNotificationPreferences>(c => c.HandleAsync(library.Holder, library.RecordId, [new(NotificationKind.ProfessionalAccess, false)], CancellationToken.None));
        var preferences = await library.Host.RunAsync<ShowNotificationPreferences, IReadOnlyList<ShowNotificationPreferences.Preference>>(s => s.HandleAsync(library.Holder, library.RecordId, CancellationToken.None));
        preferences.Single(p => p.Kind == NotificationKind.ProfessionalAccess).Email.ShouldBeFalse();
        preferences.Where(p => p.Kind != NotificationKind.ProfessionalAccess).ShouldAllBe(p => p.Email && p.InApp);

        await library.DepositOneAsync(library.Lab, Library.LabReport());
        await library.FindAsync(library.Lab);

        (await CentreAsync(library, library.Holder)).Items.Select(n => n.Kind).ShouldBe([NotificationKind.ProfessionalAccess, NotificationKind.DocumentByProfessional], ignoreOrder: true);
        var email = (await EmailsAsync(library)).ShouldHaveSingleItem("only the deposit is e-mailed");
        email.To.ShouldBe("alice.confirmed@example.org", "the confirmed address of the account wins over the imported contact");
        email.Body.ShouldContain("a ajouté un document");
    }

    [Fact]
    public async Task Deleting_a_notification_deletes_it_for_every_account_with_access_to_the_record()
    {
        await using var library = await Library.OpenAsync();
        var child = await ChildOfAliceAsync(library);
        var leo = new Caller(CallerKind.Holder, "Léo MARTIN", Guid.NewGuid(), HolderRecordId: child);
        await DepositAsync(library, child, Confidentiality.None);

        var seenByParent = (await CentreAsync(library, library.Holder, child)).Items.ShouldHaveSingleItem();
        (await CentreAsync(library, leo, child)).Items.ShouldHaveSingleItem().Id.ShouldBe(seenByParent.Id);

        await library.Host.RunAsync<MarkNotificationsRead, int>(m => m.HandleAsync(library.Holder, child, seenByParent.Id, CancellationToken.None));
        (await CentreAsync(library, library.Holder, child)).Unread.ShouldBe(0);
        (await CentreAsync(library, leo, child)).Unread.ShouldBe(1, "read marks are per account");

        await library.Host.RunAsync<DeleteNotification>(d => d.HandleAsync(library.Holder, child, seenByParent.Id, CancellationToken.None));
        (await CentreAsync(library, library.Holder, child)).Total.ShouldBe(0);
        (await CentreAsync(library, leo, child)).Total.ShouldBe(0);
        var trace = await library.Host.QueryAsync(db => db.Traces.SingleAsync(t => t.RecordId == child && t.Action == DeleteNotification.Action));
        trace.ActorKind.ShouldBe(ActorKind.Representative);
        trace.Target.ShouldBe(seenByParent.Id.ToString());
    }

    [Fact]
    public async Task A_minor_s_secret_document_is_notified_to_the_minor_only()
    {
        await using var library = await Library.OpenAsync();
        var child = await ChildOfAliceAsync(library);
        var leo = new Caller(CallerKind.Holder, "Léo MARTIN", Guid.NewGuid(), HolderRecordId: child);
        await DepositAsync(library, child, new Confidentiality(false, false, true));

        (await CentreAsync(library, leo, child)).Items.ShouldHaveSingleItem();
        (await CentreAsync(library, library.Holder, child)).Total.ShouldBe(0);
        (await EmailsAsync(library, child)).ShouldBeEmpty("the child's imported contact is the parent's address");
    }

    [Fact]
    public async Task A_document_invisible_to_the_holder_is_announced_after_14_days_and_released_after_a_month()
    {
        await using var library = await Library.OpenAsync();
        var hidden = await library.DepositOneAsync(library.Lab, Library.LabReport(confidentiality: new Confidentiality(false, true, false)));
        (await CentreAsync(library, library.Holder)).Total.ShouldBe(0, "the professional announces it in person");
        (await EmailsAsync(library)).ShouldBeEmpty();

        library.Host.Clock.Advance(TimeSpan.FromDays(13));
        (await library.Host.RunJobAsync<AnnounceInvisibleDocuments>()).ShouldBe(0);

        library.Host.Clock.Advance(TimeSpan.FromDays(1));
        (await library.Host.RunJobAsync<AnnounceInvisibleDocuments>()).ShouldBe(1);
        (await library.Host.RunJobAsync<AnnounceInvisibleDocuments>()).ShouldBe(0, "told once");
        var awaiting = (await CentreAsync(library, library.Holder)).Items.ShouldHaveSingleItem();
        awaiting.Kind.ShouldBe(NotificationKind.DocumentAwaitingAnnouncement);
        awaiting.DocumentId.ShouldBeNull();
        awaiting.Title.ShouldContain("18 mars 2026", Case.Sensitive, "deposited on 16 February, visible a month later");
        (await EmailsAsync(library)).ShouldHaveSingleItem().Body.ShouldContain("14 jours");

        library.Host.Clock.Advance(TimeSpan.FromDays(16));
        (await library.Host.RunJobAsync<AnnounceInvisibleDocuments>()).ShouldBe(1);
        (await library.Host.RunJobAsync<AnnounceInvisibleDocuments>()).ShouldBe(0);
        var released = (await CentreAsync(library, library.Holder)).Items[0];
        released.Kind.ShouldBe(NotificationKind.DocumentReleased);
        released.DocumentId.ShouldBe(hidden.Id);
        (await library.FindAsync(library.Holder)).Items.ShouldContain(d => d.Id == hidden.Id);
        (await EmailsAsync(library)).Count.ShouldBe(2);
        (await library.TracesAsync(TraceActions.AwaitingAnnouncementNoticed)).ShouldHaveSingleItem().ActorKind.ShouldBe(ActorKind.System);
        (await library.TracesAsync(TraceActions.DocumentReleased)).ShouldHaveSingleItem().Target.ShouldBe(hidden.Id.ToString());
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_notification_is_not_created_when_the_change_does_not_commit(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        await library.Host.RunAsync<CarnetDbContext>(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Traces.Add(Trace.Of(library.RecordId, library.Lab.Actor, TraceActions.DocumentsListed, library.Host.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            (await db.Notifications.CountAsync()).ShouldBe(1, "written in the same unit of work as the trace");
            await transaction.RollbackAsync();
        });

        (await library.Host.QueryAsync(db => db.Notifications.CountAsync())).ShouldBe(0);
        (await EmailsAsync(library)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_person_s_notifications_look_like_not_found()
    {
        await using var library = await Library.OpenAsync();
        await library.DepositOneAsync(library.Lab, Library.LabReport());
        var notification = (await CentreAsync(library, library.Holder)).Items.Single();
        var stranger = new Caller(CallerKind.Holder, "Bruno DURAND", Guid.NewGuid(), HolderRecordId: Guid.NewGuid());

        var absent = await Should.ThrowAsync<RecordNotFoundException>(() => CentreAsync(library, library.Holder, Guid.NewGuid()));
        var refused = await Should.ThrowAsync<RecordNotFoundException>(() => CentreAsync(library, stranger, library.RecordId));
        refused.Message.ShouldBe(absent.Message);
        await Should.ThrowAsync<RecordNotFoundException>(() => library.Host.RunAsync<DeleteNotification>(d => d.HandleAsync(stranger, library.RecordId, notification.Id, CancellationToken.None)));
        await Should.ThrowAsync<RecordNotFoundException>(() => library.Host.RunAsync<MarkNotificationsRead, int>(m => m.HandleAsync(stranger, library.RecordId, null, CancellationToken.None)));
        await Should.ThrowAsync<RecordNotFoundException>(() => library.Host.RunAsync<DeleteNotification>(d => d.HandleAsync(library.Holder, library.RecordId, Guid.NewGuid(), CancellationToken.None)));
        (await CentreAsync(library, library.Holder)).Total.ShouldBe(1);
    }

    private static Task<FindNotifications.Page> CentreAsync(Library library, Caller caller, Guid? recordId = null) =>
        library.Host.RunAsync<FindNotifications, FindNotifications.Page>(f => f.HandleAsync(caller, new FindNotifications.Query(recordId ?? library.RecordId), CancellationToken.None));

    private static Task<List<OutboxMessage>> EmailsAsync(Library library, Guid? recordId = null) =>
        library.Host.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Purpose == "notification" && m.RecordId == (recordId ?? library.RecordId)).ToListAsync());

    private static async Task<Guid> ChildOfAliceAsync(Library library)
    {
        await library.Host.ImportAsync(People.ChildLine(People.Alice));
        await library.Host.DispatchOutboxAsync();
        library.Host.Clock.Advance(TimeSpan.FromDays(42));
        await library.Host.RunJobAsync<CreateRecordsAfterOppositionWindow>();
        return (await library.Host.RecordAsync(People.Child)).Id;
    }

    private static Task<DepositDocuments.Result> DepositAsync(Library library, Guid recordId, Confidentiality confidentiality) =>
        library.Host.RunAsync<DepositDocuments, DepositDocuments.Result>(d => d.HandleAsync(library.Lab, new DepositDocuments.Request(recordId, [new DepositDocuments.Item(Library.LabReport(confidentiality: confidentiality), new DocumentContent.Streamed(new MemoryStream(Library.Pdf())))]), CancellationToken.None));

    /// <summary>The holder's activated account, with a confirmed address other than the imported one.</summary>
    private static Task AddAccountAsync(CarnetTestHost host, Caller holder, string email) =>
        host.RunAsync<CarnetDbContext>(async db =>
        {
            db.Users.Add(new Account
            {
                Id = holder.AccountId!.Value,
                Kind = AccountKind.Holder,
                UserName = "alice" + holder.AccountId.Value.ToString("N")[..6],
                NormalizedUserName = "ALICE" + holder.AccountId.Value.ToString("N")[..6].ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                HolderRecordId = holder.HolderRecordId,
                SecurityStamp = Guid.NewGuid().ToString(),
            });
            await db.SaveChangesAsync();
        });
}
