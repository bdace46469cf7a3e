using Carnet.Access;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carnet.Tests.Access;

/// <summary>The rules of DOMAIN.md §5 (who may see what), one test each, through the use cases on a real database.</summary>
public class AccessPolicyTests
{
    [Theory]
    [DatabaseProviders]
    public async Task Professionals_treating_the_holder_are_authorised_unless_the_holder_objected(DatabaseProvider provider)
    {
        await using var world = await AccessWorld.OpenAsync(provider);
        var doctor = await world.ProfessionalAsync("10");
        var other = await world.ProfessionalAsync("10");
        var othersReport = await world.DepositAsync(other, AccessWorld.Document(other, "11502-2"));

        await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"));
        (await world.ListAsync(doctor)).ShouldContain(othersReport.Id);

        await world.WithdrawAsync(doctor);
        (await world.ListAsync(doctor)).ShouldNotContain(othersReport.Id);
        await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"));
        (await world.ListAsync(doctor)).ShouldNotContain(othersReport.Id);
    }

    [Fact]
    public async Task A_professional_outside_the_care_team_needs_an_explicit_consent_and_reading_never_creates_one()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10");
        var report = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var stranger = await world.ProfessionalAsync("10");

        (await world.ListAsync(stranger)).ShouldBeEmpty();
        await Should.ThrowAsync<DocumentNotFoundException>(() => world.MetadataAsync(stranger, report.Id));
        (await world.Host.QueryAsync(db => db.ProfessionalAuthorizations.CountAsync(a => a.IdNatPs == stranger.Professional!.IdNatPs))).ShouldBe(0);

        await world.ConsentAsync(stranger);
        (await world.ListAsync(stranger)).ShouldBe([report.Id]);
        (await world.TracesAsync(TraceActions.ConsentRecorded)).ShouldContain(t => t.ActorId == stranger.Professional!.IdNatPs);
    }

    [Fact]
    public async Task The_author_always_sees_their_own_deposit_even_after_the_holder_withdrew_their_authorisation()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("21");
        var report = await world.DepositAsync(author, AccessWorld.Document(author, "68599-0", new Confidentiality(true, false, false)));

        await world.WithdrawAsync(author);

        (await world.ListAsync(author)).ShouldBe([report.Id]);
    }

    [Fact]
    public async Task The_médecin_traitant_and_administrators_see_documents_hidden_from_professionals()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10");
        var hidden = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2", new Confidentiality(true, false, false)));
        var attending = await world.ProfessionalAsync("10");
        var administrator = await world.ProfessionalAsync("10");
        var consulted = await world.ProfessionalAsync("10");
        await world.ConsentAsync(consulted);

        await world.DeclareAsync(CareRole.AttendingPhysician, attending);
        await world.DeclareAsync(CareRole.Administrator, administrator);

        (await world.ListAsync(attending)).ShouldBe([hidden.Id]);
        (await world.ListAsync(administrator)).ShouldBe([hidden.Id]);
        (await world.ListAsync(consulted)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_new_médecin_traitant_replaces_the_previous_one_who_no_longer_sees_hidden_documents()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10");
        var hidden = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2", new Confidentiality(true, false, false)));
        var first = await world.ProfessionalAsync("10");
        var second = await world.ProfessionalAsync("10");

        await world.DeclareAsync(CareRole.AttendingPhysician, first);
        await world.DeclareAsync(CareRole.AttendingPhysician, second);

        (await world.ListAsync(second)).ShouldBe([hidden.Id]);
        (await world.ListAsync(first)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_professional_may_block_another_professional_and_others_may_not()
    {
        await using var world = await AccessWorld.OpenAsync();
        var administrator = await world.ProfessionalAsync("10");
        await world.DeclareAsync(CareRole.Administrator, administrator);
        var target = await world.ProfessionalAsync("10");
        await world.ConsentAsync(target);
        var author = await world.ProfessionalAsync("10");
        await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var consulted = await world.ProfessionalAsync("10");
        await world.ConsentAsync(consulted);

        await Should.ThrowAsync<RecordNotFoundException>(() => world.BlockAsync(consulted, target));
        (await world.ListAsync(target)).Count.ShouldBe(1);

        await world.BlockAsync(administrator, target);
        (await world.ListAsync(target)).ShouldBeEmpty();
        (await world.TracesAsync(TraceActions.ProfessionalBlocked)).Single().ActorId.ShouldBe(administrator.Professional!.IdNatPs);
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_blocked_professional_sees_nothing_even_with_consent_or_a_role_or_in_an_emergency(DatabaseProvider provider)
    {
        await using var world = await AccessWorld.OpenAsync(provider);
        var author = await world.ProfessionalAsync("10");
        await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var blocked = await world.ProfessionalAsync("10");
        await world.ConsentAsync(blocked);
        await world.BlockAsync(world.Holder, blocked);

        await world.ConsentAsync(blocked).ShouldThrowAsync<RecordNotFoundException>();
        await Should.ThrowAsync<AccessException>(() => world.DeclareAsync(CareRole.AttendingPhysician, blocked));
        (await world.ListAsync(blocked)).ShouldBeEmpty();
        (await world.ListAsync(AccessWorld.ThroughSoftware(blocked, AccessMode.BreakTheGlass))).ShouldBeEmpty();
        (await world.ListAsync(AccessWorld.ThroughSoftware(blocked, AccessMode.Centre15))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Blocking_a_médecin_traitant_ends_the_role_and_unblocking_does_not_bring_it_back()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10");
        await world.DepositAsync(author, AccessWorld.Document(author, "11502-2", new Confidentiality(true, false, false)));
        var attending = await world.ProfessionalAsync("10");
        await world.DeclareAsync(CareRole.AttendingPhysician, attending);
        var emergency = AccessWorld.ThroughSoftware(attending, AccessMode.BreakTheGlass);
        (await world.ListAsync(emergency)).Count.ShouldBe(1);

        await world.BlockAsync(world.Holder, attending);
        await world.UnblockAsync(attending);

        (await world.ListAsync(attending)).ShouldBeEmpty();
        (await world.Host.QueryAsync(db => db.EmergencyAccesses.CountAsync(e => e.ExpiresAt > world.Host.Clock.GetUtcNow()))).ShouldBe(0);
    }

    [Theory]
    [DatabaseProviders]
    public async Task Unblocking_does_not_restore_access_a_new_consent_is_needed(DatabaseProvider provider)
    {
        await using var world = await AccessWorld.OpenAsync(provider);
        var author = await world.ProfessionalAsync("10");
        var report = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var doctor = await world.ProfessionalAsync("10");
        await world.ConsentAsync(doctor);
        await world.BlockAsync(world.Holder, doctor);

        await world.UnblockAsync(doctor);
        (await world.ListAsync(doctor)).ShouldBeEmpty();
        await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"));
        (await world.ListAsync(doctor)).ShouldNotContain(report.Id, "depositing after a block does not make them care team again");

        await world.ConsentAsync(doctor);
        (await world.ListAsync(doctor)).ShouldContain(report.Id);
    }

    [Fact]
    public async Task Emergency_access_is_on_unless_the_holder_expressly_objected_and_each_is_traced_with_its_mode()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10");
        var report = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var samu = AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.Centre15);
        var emergency = AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.BreakTheGlass);

        (await world.ListAsync(samu)).ShouldBe([report.Id]);
        (await world.ListAsync(emergency)).ShouldBe([report.Id]);
        (await world.MetadataAsync(emergency, report.Id)).Id.ShouldBe(report.Id);

        var opened = await world.TracesAsync(TraceActions.EmergencyAccessOpened);
        opened.Select(t => (t.ActorId, t.AccessMode)).ShouldBe([(samu.Professional!.IdNatPs, AccessMode.Centre15), (emergency.Professional!.IdNatPs, AccessMode.BreakTheGlass)], ignoreOrder: true);
        (await world.TracesAsync(TraceActions.DocumentViewed)).Single().AccessMode.ShouldBe(AccessMode.BreakTheGlass);

        await world.ChangeSettingsAsync(new ChangeAccessSettings.Request(Centre15Allowed: false, BreakTheGlassAllowed: false));
        (await world.ListAsync(AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.BreakTheGlass))).ShouldBeEmpty();
        (await world.ListAsync(emergency)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_emergency_access_lasts_at_most_five_days_then_must_be_opened_again_traced_anew()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10");
        var report = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var emergency = AccessWorld.ThroughSoftware(await world.ProfessionalAsync("10"), AccessMode.BreakTheGlass);
        (await world.ListAsync(emergency)).ShouldBe([report.Id]);

        world.Host.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));

        await Should.ThrowAsync<DocumentNotFoundException>(() => world.MetadataAsync(emergency, report.Id));
        (await world.TracesAsync(TraceActions.EmergencyAccessOpened)).Count.ShouldBe(1);
        (await world.ListAsync(emergency)).ShouldBe([report.Id]);
        (await world.TracesAsync(TraceActions.EmergencyAccessOpened)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Hidden_documents_in_emergencies_need_one_emergency_mode_and_turning_both_off_turns_it_off()
    {
        await using var world = await AccessWorld.OpenAsync();

        await world.ChangeSettingsAsync(new ChangeAccessSettings.Request(HiddenDocumentsInEmergency: true));
        await world.ChangeSettingsAsync(new ChangeAccessSettings.Request(Centre15Allowed: false, BreakTheGlassAllowed: false));
        var settings = await world.Host.QueryAsync(db => db.RecordAccessSettings.SingleAsync(s => s.RecordId == world.RecordId));
        settings.HiddenDocumentsInEmergency.ShouldBeFalse();

        var refused = await Should.ThrowAsync<AccessException>(() => world.ChangeSettingsAsync(new ChangeAccessSettings.Request(HiddenDocumentsInEmergency: true)));
        refused.Code.ShouldBe(AccessException.EmergencyCoupling);

        await world.ChangeSettingsAsync(new ChangeAccessSettings.Request(BreakTheGlassAllowed: true, HiddenDocumentsInEmergency: true));
        (await world.Host.QueryAsync(db => db.RecordAccessSettings.SingleAsync(s => s.RecordId == world.RecordId))).HiddenDocumentsInEmergency.ShouldBeTrue();
    }

    [Fact]
    public async Task A_professional_announces_a_document_invisible_to_the_holder_which_then_shows_before_the_month_is_out()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10", name: "Anne AUTRICE");
        var result = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2", new Confidentiality(false, true, false)));
        var other = await world.ProfessionalAsync("10");
        await world.ConsentAsync(other);
        (await world.ListAsync(world.Holder)).ShouldNotContain(result.Id);

        var refused = await Should.ThrowAsync<DocumentException>(() => world.Host.RunAsync<AnnounceDocument, HealthDocument>(a => a.HandleAsync(other, result.Id, CancellationToken.None)));
        refused.Code.ShouldBe(DocumentException.NotYours);
        await Should.ThrowAsync<DocumentNotFoundException>(() => world.Host.RunAsync<AnnounceDocument, HealthDocument>(a => a.HandleAsync(world.Holder, result.Id, CancellationToken.None)));

        await world.Host.RunAsync<AnnounceDocument, HealthDocument>(a => a.HandleAsync(author, result.Id, CancellationToken.None));

        (await world.ListAsync(world.Holder)).ShouldContain(result.Id);
        (await world.TracesAsync(TraceActions.DocumentAnnounced)).ShouldHaveSingleItem().ActorId.ShouldBe(author.Professional!.IdNatPs);
    }

    [Fact]
    public async Task The_matrix_decides_which_document_types_each_profession_sees()
    {
        await using var world = await AccessWorld.OpenAsync();
        var psychiatrist = await world.ProfessionalAsync("10", "SM42");
        var synthesis = await world.DepositAsync(psychiatrist, AccessWorld.Document(psychiatrist, "68599-0"));
        var pharmacist = await world.ProfessionalAsync("21");
        var doctor = await world.ProfessionalAsync("10");
        await world.ConsentAsync(pharmacist);
        await world.ConsentAsync(doctor);

        (await world.ListAsync(doctor)).ShouldBe([synthesis.Id]);
        (await world.ListAsync(pharmacist)).ShouldBeEmpty();
        await Should.ThrowAsync<DocumentNotFoundException>(() => world.RetrieveAsync(pharmacist, synthesis.Id));
    }

    [Fact]
    public async Task Weak_cells_of_the_matrix_are_denied_until_the_official_grid_is_loaded()
    {
        await using var world = await AccessWorld.OpenAsync();
        var matrix = world.Host.Services.GetRequiredService<AccessMatrix>();

        // Sage-femme × 11502-2 (CR d'examens biologiques) is Y in the reconstruction, but only inferred-weak.
        matrix.Allows("50", null, "11502-2").ShouldBeFalse();
        matrix.Allows("10", null, "11502-2").ShouldBeTrue();
        matrix.Allows("10", null, "ATTEST-RESID").ShouldBeFalse();
        matrix.Allows("28", null, "EXPPAT_2").ShouldBeTrue();
        matrix.ColumnFor("32", null).ShouldBeNull();
        matrix.Version.ShouldBe("2026-12-02");
    }

    [Fact]
    public async Task The_access_matrix_can_be_replaced_by_a_file_of_the_same_shape()
    {
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "official.csv");
        await File.WriteAllTextAsync(file, "profession_code,profession_label,typeCode,allowed,confidence\n50,Sage-femme,11502-2,Y,official\n10,Médecin,11502-2,Y,official\n21,Pharmacien (officine),11502-2,N,official\n21,Pharmacien biologiste,11502-2,Y,official\n"
            + string.Join('\n', new[] { "26,Audioprothésiste", "28,Opticien-lunetier", "39,Préparateur en pharmacie (G15 39 officine / 38 hospitalière, deprecated in G15 since 2024-12-13)", "40,Chirurgien-dentiste", "60,Infirmier", "70,Masseur-kinésithérapeute", "80,Pédicure-podologue", "86,Technicien de laboratoire médical", "91,Orthophoniste", "92,Orthoptiste", "94,Ergothérapeute", "95,Diététicien", "96,Psychomotricien", "98,Manipulateur d'électroradiologie médicale" }
                .Select(c => $"{c.Split(',')[0]},\"{c[(c.IndexOf(',', StringComparison.Ordinal) + 1)..]}\",11502-2,N,official")));

        var matrix = AccessMatrix.Load(Options.Create(new AccessOptions { MatrixFile = file }));

        matrix.Allows("50", null, "11502-2").ShouldBeTrue();
        matrix.Allows("21", null, "11502-2").ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => AccessMatrix.Load(Options.Create(new AccessOptions { MatrixFile = Path.Combine(folder.Path, "missing.csv") })))
            .Message.ShouldContain("Carnet:Access:MatrixFile");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Hide_new_documents_applies_only_to_documents_added_after_it_is_set(DatabaseProvider provider)
    {
        await using var world = await AccessWorld.OpenAsync(provider);
        var author = await world.ProfessionalAsync("10");
        var before = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));

        await world.ChangeSettingsAsync(new ChangeAccessSettings.Request(HideNewDocuments: true));
        world.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var invisible = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2", new Confidentiality(false, true, false)));

        before.HiddenFromProfessionals.ShouldBeFalse();
        after.HiddenFromProfessionals.ShouldBeTrue();
        invisible.HiddenFromProfessionals.ShouldBeFalse("INVISIBLE_PATIENT and MASQUE_PS cannot be combined");
        var doctor = await world.ProfessionalAsync("10");
        await world.ConsentAsync(doctor);
        (await world.ListAsync(doctor)).ShouldBe([invisible.Id, before.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task A_secret_connection_hides_everything_its_professional_deposits_from_the_legal_representatives()
    {
        await using var world = await AccessWorld.OpenAsync();
        var doctor = await world.ProfessionalAsync("10");
        var sharedBefore = await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"));

        await world.Host.RunAsync<OpenSecretConnection, OpenSecretConnection.Result>(o => o.HandleAsync(doctor, AccessWorld.Ins, CancellationToken.None));
        var secret = await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"));
        var other = await world.ProfessionalAsync("10");
        var byOther = await world.DepositAsync(other, AccessWorld.Document(other, "11488-4"));

        secret.InvisibleToLegalRepresentatives.ShouldBeTrue();
        byOther.InvisibleToLegalRepresentatives.ShouldBeFalse();
        (await world.ListAsync(world.Representative)).ShouldBe([sharedBefore.Id, byOther.Id], ignoreOrder: true);
        (await world.ListAsync(world.Holder)).ShouldContain(secret.Id);

        world.Host.Clock.Advance(TimeSpan.FromHours(13));
        (await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"))).InvisibleToLegalRepresentatives.ShouldBeFalse();
    }

    [Fact]
    public async Task What_a_professional_does_in_a_secret_connection_is_notified_to_the_minor_and_never_to_the_parents()
    {
        await using var world = await AccessWorld.OpenAsync();
        var doctor = await world.ProfessionalAsync("10", name: "Julie SECRET");
        await world.ConsentAsync(doctor);
        async Task<IReadOnlyList<Carnet.Notifications.FindNotifications.Item>> NotificationsAsync(Carnet.SignIn.Caller caller) =>
            (await world.Host.RunAsync<Carnet.Notifications.FindNotifications, Carnet.Notifications.FindNotifications.Page>(f => f.HandleAsync(caller, new Carnet.Notifications.FindNotifications.Query(world.RecordId, PageSize: 100), CancellationToken.None))).Items;
        var parentsBefore = (await NotificationsAsync(world.Representative)).Count;

        await world.Host.RunAsync<OpenSecretConnection, OpenSecretConnection.Result>(o => o.HandleAsync(doctor, AccessWorld.Ins, CancellationToken.None));
        world.Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await world.ListAsync(doctor);
        await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"));

        (await NotificationsAsync(world.Representative)).Count.ShouldBe(parentsBefore);
        (await NotificationsAsync(world.Holder)).Count.ShouldBeGreaterThan(parentsBefore);
    }

    [Theory]
    [DatabaseProviders]
    public async Task The_history_never_gives_away_a_minor_s_secret_nor_a_document_the_holder_may_not_see_yet(DatabaseProvider provider)
    {
        await using var world = await AccessWorld.OpenAsync(provider);
        var doctor = await world.ProfessionalAsync("10");
        var shared = await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"));
        var secret = await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4", new Confidentiality(false, false, true)));
        var unannounced = await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11502-2", new Confidentiality(false, true, false)));
        world.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var confidant = await world.ProfessionalAsync("10", name: "Inès CONFIDENTE");
        await world.ConsentAsync(confidant);
        world.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.Host.RunAsync<OpenSecretConnection, OpenSecretConnection.Result>(o => o.HandleAsync(confidant, AccessWorld.Ins, CancellationToken.None));
        await world.DepositAsync(confidant, AccessWorld.Document(confidant, "11488-4"));
        world.Host.Clock.Advance(TimeSpan.FromHours(13));
        async Task<IReadOnlyList<Carnet.Audit.ShowAccessHistory.Entry>> HistoryAsync(Carnet.SignIn.Caller caller) =>
            (await world.Host.RunAsync<Carnet.Audit.ShowAccessHistory, Carnet.Audit.ShowAccessHistory.Page>(h => h.HandleAsync(caller, new Carnet.Audit.ShowAccessHistory.Query(world.RecordId), CancellationToken.None))).Items;

        var seenByParent = await HistoryAsync(world.Representative);
        var seenByLeo = await HistoryAsync(world.Holder);

        seenByParent.ShouldContain(t => t.Target == shared.Id.ToString());
        seenByParent.ShouldNotContain(t => t.Target == secret.Id.ToString());
        seenByParent.ShouldNotContain(t => t.ActorName == confidant.DisplayName && t.Action != TraceActions.ConsentRecorded);
        seenByLeo.ShouldContain(t => t.Target == secret.Id.ToString());
        seenByLeo.ShouldContain(t => t.ActorName == confidant.DisplayName && t.Action == TraceActions.SecretConnectionOpened);
        seenByLeo.ShouldNotContain(t => t.Target == unannounced.Id.ToString());

        world.Host.Clock.Advance(TimeSpan.FromDays(31));
        (await HistoryAsync(world.Holder)).ShouldContain(t => t.Target == unannounced.Id.ToString());
    }

    [Fact]
    public async Task An_emergency_access_during_a_secret_connection_is_still_notified_to_the_parents()
    {
        await using var world = await AccessWorld.OpenAsync();
        var doctor = await world.ProfessionalAsync("10", name: "Julie SECRET");
        await world.ConsentAsync(doctor);
        await world.Host.RunAsync<OpenSecretConnection, OpenSecretConnection.Result>(o => o.HandleAsync(doctor, AccessWorld.Ins, CancellationToken.None));

        await world.ListAsync(AccessWorld.ThroughSoftware(doctor, AccessMode.BreakTheGlass));

        var parents = await world.Host.RunAsync<Carnet.Notifications.FindNotifications, Carnet.Notifications.FindNotifications.Page>(f => f.HandleAsync(world.Representative, new Carnet.Notifications.FindNotifications.Query(world.RecordId, PageSize: 100), CancellationToken.None));
        parents.Items.ShouldContain(n => n.Kind == Carnet.Notifications.NotificationKind.EmergencyAccess && n.Action == TraceActions.EmergencyAccessOpened);
    }

    [Fact]
    public async Task A_caregiver_cannot_delete_a_notification_which_the_holder_side_then_still_sees()
    {
        await using var world = await AccessWorld.OpenAsync();
        var caregiver = await world.CaregiverAsync();
        var doctor = await world.ProfessionalAsync("10");
        await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4"));
        var notification = (await world.Host.RunAsync<Carnet.Notifications.FindNotifications, Carnet.Notifications.FindNotifications.Page>(f => f.HandleAsync(caregiver, new Carnet.Notifications.FindNotifications.Query(world.RecordId), CancellationToken.None))).Items[0];

        await Should.ThrowAsync<RecordNotFoundException>(() => world.Host.RunAsync<Carnet.Notifications.DeleteNotification>(d => d.HandleAsync(caregiver, world.RecordId, notification.Id, CancellationToken.None)));

        await world.Host.RunAsync<Carnet.Notifications.DeleteNotification>(d => d.HandleAsync(world.Representative, world.RecordId, notification.Id, CancellationToken.None));
        (await world.Host.QueryAsync(db => db.Notifications.CountAsync(n => n.Id == notification.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_secret_connection_is_only_for_a_minor()
    {
        await using var world = await AccessWorld.OpenAsync();
        var doctor = await world.ProfessionalAsync("10");
        await world.Host.RunAsync<RecordConsent, RecordConsent.Result>(c => c.HandleAsync(doctor, People.InsOf(People.Alice), CancellationToken.None));

        var refused = await Should.ThrowAsync<AccessException>(() => world.Host.RunAsync<OpenSecretConnection, OpenSecretConnection.Result>(o => o.HandleAsync(doctor, People.InsOf(People.Alice), CancellationToken.None)));

        refused.Code.ShouldBe(AccessException.NotAMinor);
    }

    [Fact]
    public async Task Only_a_professional_who_may_consult_the_minor_opens_a_secret_connection()
    {
        await using var world = await AccessWorld.OpenAsync();
        var stranger = await world.ProfessionalAsync("10");

        await Should.ThrowAsync<RecordNotFoundException>(() => world.Host.RunAsync<OpenSecretConnection, OpenSecretConnection.Result>(o => o.HandleAsync(stranger, AccessWorld.Ins, CancellationToken.None)));
        (await world.Host.QueryAsync(db => db.SecretConnections.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_new_version_of_a_document_hidden_from_the_parents_or_from_professionals_stays_hidden()
    {
        await using var world = await AccessWorld.OpenAsync();
        var doctor = await world.ProfessionalAsync("10");
        var secret = await world.DepositAsync(doctor, AccessWorld.Document(doctor, "11488-4", new Confidentiality(true, false, true)));

        var version = (await world.Host.RunAsync<DepositDocuments, DepositDocuments.Result>(d => d.HandleAsync(doctor, new DepositDocuments.Request(world.RecordId, [new DepositDocuments.Item(AccessWorld.Document(doctor, "11488-4"), new DocumentContent.Streamed(new MemoryStream(Documents.Library.Pdf("v2"))), secret.Id)]), CancellationToken.None)))
            .Documents.Single().Document;

        version.InvisibleToLegalRepresentatives.ShouldBeTrue();
        version.HiddenFromProfessionals.ShouldBeTrue();
        (await world.ListAsync(world.Representative)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_forbidden_purpose_is_refused_even_with_the_holder_s_consent()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10");
        var report = await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var insurer = await world.ProfessionalAsync("10");
        await world.ConsentAsync(insurer);

        foreach (var purpose in new[] { "insurance", "COVERAGE", "health_assessment", "occupational_health" })
        {
            var caller = AccessWorld.ThroughSoftware(insurer, purpose: purpose);
            (await world.ListAsync(caller)).ShouldBeEmpty(purpose);
            await Should.ThrowAsync<DocumentNotFoundException>(() => world.RetrieveAsync(caller, report.Id));
            await Should.ThrowAsync<RecordNotFoundException>(() => world.Host.RunAsync<RecordConsent, RecordConsent.Result>(c => c.HandleAsync(caller, AccessWorld.Ins, CancellationToken.None)));
        }

        (await world.ListAsync(AccessWorld.ThroughSoftware(insurer, purpose: "TREAT"))).ShouldBe([report.Id]);
    }

    [Fact]
    public async Task The_holder_sees_who_is_authorised_blocked_and_in_a_role_and_reading_it_is_traced()
    {
        await using var world = await AccessWorld.OpenAsync();
        var author = await world.ProfessionalAsync("10", name: "Émilie ROBIN");
        await world.DepositAsync(author, AccessWorld.Document(author, "11502-2"));
        var attending = await world.ProfessionalAsync("10", name: "Claire LEFÈVRE");
        await world.DeclareAsync(CareRole.AttendingPhysician, attending);
        var blocked = await world.ProfessionalAsync("60", name: "Marc DUPONT");
        await world.BlockAsync(world.Holder, blocked);

        var choices = await world.Host.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(world.Representative, world.RecordId, CancellationToken.None));

        choices.Authorized.ShouldHaveSingleItem().Basis.ShouldBe(AuthorizationBasis.CareTeam);
        choices.Roles.ShouldHaveSingleItem().Kind.ShouldBe(CareRole.AttendingPhysician);
        choices.Blocked.ShouldHaveSingleItem().IdNatPs.ShouldBe(blocked.Professional!.IdNatPs);
        choices.Settings.BreakTheGlassAllowed.ShouldBeTrue();
        choices.Settings.HiddenDocumentsInEmergency.ShouldBeFalse();
        (await world.TracesAsync(TraceActions.AccessChoicesViewed)).ShouldHaveSingleItem();
        await Should.ThrowAsync<RecordNotFoundException>(() => world.Host.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(attending, world.RecordId, CancellationToken.None)));
    }

    [Fact]
    public async Task An_unknown_professional_number_gets_an_error_that_says_where_to_find_the_right_one()
    {
        await using var world = await AccessWorld.OpenAsync();

        var refused = await Should.ThrowAsync<AccessException>(() => world.Host.RunAsync<BlockProfessional>(b => b.HandleAsync(world.Holder, world.RecordId, "10999999990", CancellationToken.None)));

        refused.Code.ShouldBe(AccessException.UnknownProfessional);
        refused.Message.ShouldContain("RPPS");
        var malformed = await Should.ThrowAsync<AccessException>(() => world.Host.RunAsync<BlockProfessional>(b => b.HandleAsync(world.Holder, world.RecordId, "123", CancellationToken.None)));
        malformed.Code.ShouldBe(AccessException.InvalidRequest);
        malformed.Message.ShouldContain("11-digit RPPS number");
    }

    [Fact]
    public async Task The_gate_reads_a_professional_s_documents_in_one_query()
    {
        await using var world = await AccessWorld.OpenAsync();
        var doctor = await world.ProfessionalAsync("10");

        var sql = await world.Host.RunAsync<AccessGate, string>(gate => Task.FromResult(gate.ReadableDocuments(doctor).Where(d => d.RecordId == world.RecordId).ToQueryString()));

        sql.ShouldNotContain("UNION");
        sql.ShouldContain("ProfessionalBlocks");
        sql.ShouldContain("ProfessionalAuthorizations");
    }
}
