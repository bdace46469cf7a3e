using Carnet.Access.Delegations;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Http;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Access.Delegations;

/// <summary>DOMAIN.md §5: caregivers — at most 3 per holder, 5 helped per caregiver, invitations, revocation by either side, attestations.</summary>
public class CaregiverTests
{
    [Fact]
    public async Task A_holder_has_at_most_three_caregivers()
    {
        await using var circle = await Circle.OpenAsync(moreHolders: 2);
        await circle.HelpAsync(circle.Alice, "bruno");
        await circle.InviteAsync(circle.Alice, "chloe");
        await circle.InviteAsync(circle.Alice, "helped0");

        var refused = await Should.ThrowAsync<DelegationException>(() => circle.InviteAsync(circle.Alice, "helped1"));

        refused.Code.ShouldBe(DelegationException.CaregiverLimitReached);
        refused.Message.ShouldContain("remove one first");
        DomainProblems.From(refused)!.Status.ShouldBe(409);
    }

    [Fact]
    public async Task A_caregiver_helps_at_most_five_people()
    {
        await using var circle = await Circle.OpenAsync(moreHolders: 6);
        for (var i = 0; i < 5; i++)
        {
            await circle.HelpAsync(circle.Holder($"helped{i}"), "bruno");
        }

        var sixth = await circle.InviteAsync(circle.Holder("helped5"), "bruno");
        var refused = await Should.ThrowAsync<DelegationException>(() => circle.AcceptAsync(circle.Bruno, sixth.Id));

        refused.Code.ShouldBe(DelegationException.HelpedLimitReached);
        (await circle.CanOpenAsync(circle.Bruno, circle.Records["helped5"])).ShouldBeFalse();
    }

    [Fact]
    public async Task An_invitation_expires_after_14_days()
    {
        await using var circle = await Circle.OpenAsync();
        var invitation = await circle.InviteAsync(circle.Alice, "bruno");
        await circle.Host.DispatchOutboxAsync();
        circle.Host.Mail.MailsTo("bruno@example.org").ShouldContain(m => m.TextBody.Contains("Alice MARTIN vous invite"));

        circle.Host.Clock.Advance(TimeSpan.FromDays(14));

        (await Should.ThrowAsync<DelegationException>(() => circle.AcceptAsync(circle.Bruno, invitation.Id))).Code.ShouldBe(DelegationException.InvitationExpired);
        var listed = await circle.Host.RunAsync<ShowCaregivers, IReadOnlyList<ShowCaregivers.Caregiver>>(s => s.OfRecordAsync(circle.Alice, circle.Records["alice"], CancellationToken.None));
        listed.Single().Status.ShouldBe(DelegationStatus.Expired);
        (await circle.CanOpenAsync(circle.Bruno, circle.Records["alice"])).ShouldBeFalse();
        await circle.InviteAsync(circle.Alice, "bruno");
    }

    [Fact]
    public async Task A_refused_invitation_gives_no_access()
    {
        await using var circle = await Circle.OpenAsync();
        await circle.DepositAsync(circle.Alice, circle.Records["alice"]);
        var invitation = await circle.InviteAsync(circle.Alice, "bruno");

        await circle.Host.RunAsync<AnswerCaregiverInvitation, CaregiverLink>(a => a.RefuseAsync(circle.Bruno, invitation.Id, CancellationToken.None));

        (await circle.CanOpenAsync(circle.Bruno, circle.Records["alice"])).ShouldBeFalse();
        (await circle.FindAsync(circle.Bruno, circle.Records["alice"])).Items.ShouldBeEmpty();
        (await Should.ThrowAsync<DelegationException>(() => circle.AcceptAsync(circle.Bruno, invitation.Id))).Code.ShouldBe(DelegationException.AlreadyAnswered);
        (await circle.AttestationsAsync(circle.Records["alice"])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_the_invited_person_can_answer_an_invitation()
    {
        await using var circle = await Circle.OpenAsync();
        var invitation = await circle.InviteAsync(circle.Alice, "bruno");

        await Should.ThrowAsync<RecordNotFoundException>(() => circle.AcceptAsync(circle.Chloe, invitation.Id));
        await Should.ThrowAsync<RecordNotFoundException>(() => circle.AcceptAsync(circle.Alice, invitation.Id));
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_caregiver_who_withdraws_loses_access_at_the_next_request(DatabaseProvider provider)
    {
        await using var circle = await Circle.OpenAsync(provider);
        var alice = circle.Records["alice"];
        var note = await circle.DepositAsync(circle.Alice, alice);
        await circle.HelpAsync(circle.Alice, "bruno");
        (await circle.FindAsync(circle.Bruno, alice)).Items.ShouldContain(d => d.Id == note.Id);
        (await circle.Host.RunAsync<ShowCaregivers, IReadOnlyList<ShowCaregivers.Helped>>(s => s.HelpedAsync(circle.Bruno, CancellationToken.None))).Single().RecordId.ShouldBe(alice);

        await circle.Host.RunAsync<EndCaregiving>(e => e.WithdrawAsync(circle.Bruno, alice, CancellationToken.None));

        (await circle.FindAsync(circle.Bruno, alice)).Items.ShouldBeEmpty();
        await Should.ThrowAsync<DocumentNotFoundException>(() => circle.Host.RunAsync<ReadDocument, HealthDocument>(r => r.MetadataAsync(circle.Bruno, note.Id, CancellationToken.None)));
        (await circle.Host.RunAsync<ShowCaregivers, IReadOnlyList<ShowCaregivers.Helped>>(s => s.HelpedAsync(circle.Bruno, CancellationToken.None))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_holder_revokes_a_caregiver()
    {
        await using var circle = await Circle.OpenAsync();
        var alice = circle.Records["alice"];
        var link = await circle.HelpAsync(circle.Alice, "bruno");
        (await circle.CanOpenAsync(circle.Bruno, alice)).ShouldBeTrue();

        await circle.Host.RunAsync<EndCaregiving>(e => e.RevokeAsync(circle.Alice, alice, link.Id, CancellationToken.None));

        (await circle.CanOpenAsync(circle.Bruno, alice)).ShouldBeFalse();
        var listed = await circle.Host.RunAsync<ShowCaregivers, IReadOnlyList<ShowCaregivers.Caregiver>>(s => s.OfRecordAsync(circle.Alice, alice, CancellationToken.None));
        listed.Single().Status.ShouldBe(DelegationStatus.Revoked);
        (await circle.TracesAsync(alice, DelegationTraceActions.CaregiverRevoked)).Single().ActorKind.ShouldBe(ActorKind.Holder);
    }

    [Fact]
    public async Task A_revoked_caregiver_is_answered_exactly_like_for_an_absent_record()
    {
        await using var circle = await Circle.OpenAsync();
        var alice = circle.Records["alice"];
        var link = await circle.HelpAsync(circle.Alice, "bruno");
        await circle.Host.RunAsync<EndCaregiving>(e => e.RevokeAsync(circle.Alice, alice, link.Id, CancellationToken.None));

        var revoked = await Should.ThrowAsync<RecordNotFoundException>(() => circle.Host.RunAsync<ShowRecords, ShowRecords.Summary>(s => s.ShowAsync(circle.Bruno, alice, CancellationToken.None)));
        var absent = await Should.ThrowAsync<RecordNotFoundException>(() => circle.Host.RunAsync<ShowRecords, ShowRecords.Summary>(s => s.ShowAsync(circle.Bruno, Guid.NewGuid(), CancellationToken.None)));

        var (a, b) = (DomainProblems.From(revoked)!, DomainProblems.From(absent)!);
        (a.Status, a.Title, a.Detail, a.Extensions["code"]).ShouldBe((b.Status, b.Title, b.Detail, b.Extensions["code"]));
        var withdrawn = await Should.ThrowAsync<RecordNotFoundException>(() => circle.Host.RunAsync<EndCaregiving>(e => e.WithdrawAsync(circle.Bruno, alice, CancellationToken.None)));
        var never = await Should.ThrowAsync<RecordNotFoundException>(() => circle.Host.RunAsync<EndCaregiving>(e => e.WithdrawAsync(circle.Bruno, Guid.NewGuid(), CancellationToken.None)));
        withdrawn.Message.ShouldBe(never.Message);
    }

    [Fact]
    public async Task Each_change_files_an_attestation_document_in_the_record()
    {
        await using var circle = await Circle.OpenAsync();
        var alice = circle.Records["alice"];
        var link = await circle.HelpAsync(circle.Alice, "bruno");

        var added = (await circle.AttestationsAsync(alice)).ShouldHaveSingleItem();
        added.Title.ShouldBe("Attestation de désignation d'un aidant");
        added.AuthorName.ShouldBe("Carnet");
        added.ContentType.ShouldBe("application/pdf");
        var pdf = await circle.Host.RunAsync<ReadDocument, byte[]>(async r =>
        {
            await using var content = await r.ContentAsync(circle.Alice, added.Id, false, _ => null, CancellationToken.None);
            var bytes = new MemoryStream();
            await content.Stream.CopyToAsync(bytes);
            return bytes.ToArray();
        });
        System.Text.Encoding.Latin1.GetString(pdf).ShouldStartWith("%PDF-1.4");
        System.Text.Encoding.Latin1.GetString(pdf).ShouldContain("Bruno DURAND a accepté");

        await circle.Host.RunAsync<EndCaregiving>(e => e.RevokeAsync(circle.Alice, alice, link.Id, CancellationToken.None));

        (await circle.AttestationsAsync(alice)).Select(d => d.Title).ShouldBe(["Attestation de désignation d'un aidant", "Attestation de fin d'aide par un aidant"]);
        (await circle.AttestationsAsync(circle.Records["bruno"])).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_caregiver_cannot_manage_caregivers()
    {
        await using var circle = await Circle.OpenAsync();
        var alice = circle.Records["alice"];
        await circle.HelpAsync(circle.Alice, "bruno");
        var chloe = await circle.HelpAsync(circle.Alice, "chloe");

        await Should.ThrowAsync<RecordNotFoundException>(() => circle.InviteAsync(circle.Bruno, "anne", alice));
        await Should.ThrowAsync<RecordNotFoundException>(() => circle.Host.RunAsync<ShowCaregivers, IReadOnlyList<ShowCaregivers.Caregiver>>(s => s.OfRecordAsync(circle.Bruno, alice, CancellationToken.None)));
        await Should.ThrowAsync<RecordNotFoundException>(() => circle.Host.RunAsync<EndCaregiving>(e => e.RevokeAsync(circle.Bruno, alice, chloe.Id, CancellationToken.None)));
        (await circle.Host.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(DelegatedRecords.ManageableRecords(db, circle.Bruno), r => r.Id == alice))).ShouldBeFalse();
        (await circle.CanOpenAsync(circle.Chloe, alice)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_caregiver_reads_and_adds_documents_like_the_holder()
    {
        await using var circle = await Circle.OpenAsync();
        var alice = circle.Records["alice"];
        await circle.HelpAsync(circle.Alice, "bruno");

        var added = await circle.DepositAsync(circle.Bruno, alice, Carnet.Tests.Documents.Library.HolderNote("Ordonnance scannée"));

        (await circle.FindAsync(circle.Alice, alice)).Items.ShouldContain(d => d.Id == added.Id);
        (await circle.TracesAsync(alice, TraceActions.DocumentDeposited)).ShouldContain(t => t.Target == added.Id.ToString() && t.ActorKind == ActorKind.Caregiver);
    }

    [Fact]
    public async Task Traces_name_the_caregiver_as_a_caregiver()
    {
        await using var circle = await Circle.OpenAsync();
        var alice = circle.Records["alice"];
        await circle.HelpAsync(circle.Alice, "bruno");

        await circle.FindAsync(circle.Bruno, alice);
        await circle.FindAsync(circle.Alice, alice);

        var listed = await circle.TracesAsync(alice, TraceActions.DocumentsListed);
        listed.Select(t => (t.ActorKind, t.ActorName)).ShouldBe([(ActorKind.Caregiver, "bruno"), (ActorKind.Holder, "alice")], ignoreOrder: true);
        (await circle.TracesAsync(alice, DelegationTraceActions.CaregiverAccepted)).Single().ActorKind.ShouldBe(ActorKind.Caregiver);
    }
}
