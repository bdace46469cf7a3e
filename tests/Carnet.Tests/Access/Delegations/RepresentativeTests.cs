using Carnet.Access.Delegations;
using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Access.Delegations;

/// <summary>DOMAIN.md §3.4 and §5: a second representative of a minor, guardians of protected adults, and how traces name them.</summary>
public class RepresentativeTests
{
    [Theory]
    [DatabaseProviders]
    public async Task A_second_representative_sees_the_child_s_record_until_majority(DatabaseProvider provider)
    {
        await using var circle = await Circle.OpenAsync(provider);
        var invitation = await InviteAsync(circle, circle.Anne, "bruno");
        (await circle.CanOpenAsync(circle.Bruno, circle.Child)).ShouldBeFalse();

        await circle.Host.RunAsync<AnswerRepresentativeInvitation, RepresentativeInvitation>(a => a.AcceptAsync(circle.Bruno, invitation.Id, CancellationToken.None));

        (await circle.CanOpenAsync(circle.Bruno, circle.Child)).ShouldBeTrue();
        var representation = await circle.Host.QueryAsync(db => db.Representations.SingleAsync(p => p.RepresentativeNir == Nir.Parse(People.Bruno)));
        representation.Kind.ShouldBe(RepresentationKind.ParentOfMinor);
        representation.EndsOn.ShouldBe(new DateOnly(2032, 6, 2));
        (await circle.AttestationsAsync(circle.Child)).Single().Title.ShouldBe("Attestation d'ajout d'un représentant légal");

        circle.Host.Clock.UtcNow = new DateTimeOffset(2032, 6, 2, 8, 0, 0, TimeSpan.Zero);
        (await circle.Host.RunJobAsync<EndRepresentationAtMajority>()).ShouldBe(2);
        (await circle.CanOpenAsync(circle.Bruno, circle.Child)).ShouldBeFalse();
        (await circle.CanOpenAsync(circle.Anne, circle.Child)).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_a_minor_s_representative_invites_a_second_one_and_only_while_the_child_is_a_minor()
    {
        await using var circle = await Circle.OpenAsync();

        await Should.ThrowAsync<RecordNotFoundException>(() => InviteAsync(circle, circle.Chloe, "bruno"));
        await Should.ThrowAsync<RecordNotFoundException>(() => InviteAsync(circle, circle.Alice, "bruno", circle.Records["alice"]));
        circle.Host.Clock.UtcNow = new DateTimeOffset(2032, 6, 2, 8, 0, 0, TimeSpan.Zero);
        (await Should.ThrowAsync<DelegationException>(() => InviteAsync(circle, circle.Anne, "bruno"))).Code.ShouldBe(DelegationException.NotAMinor);
    }

    [Fact]
    public async Task A_removed_second_representative_loses_access_and_the_change_is_attested()
    {
        await using var circle = await Circle.OpenAsync();
        var invitation = await InviteAsync(circle, circle.Anne, "bruno");
        await circle.Host.RunAsync<AnswerRepresentativeInvitation, RepresentativeInvitation>(a => a.AcceptAsync(circle.Bruno, invitation.Id, CancellationToken.None));

        await circle.Host.RunAsync<EndCoRepresentation>(e => e.HandleAsync(circle.Anne, invitation.Id, CancellationToken.None));

        (await circle.CanOpenAsync(circle.Bruno, circle.Child)).ShouldBeFalse();
        (await circle.CanOpenAsync(circle.Anne, circle.Child)).ShouldBeTrue();
        (await circle.AttestationsAsync(circle.Child)).Select(d => d.Title).ShouldBe(["Attestation d'ajout d'un représentant légal", "Attestation de retrait d'un représentant légal"]);
    }

    [Fact]
    public async Task A_refused_or_expired_representative_invitation_gives_no_access()
    {
        await using var circle = await Circle.OpenAsync();
        var refused = await InviteAsync(circle, circle.Anne, "bruno");
        var expired = await InviteAsync(circle, circle.Anne, "chloe");

        await circle.Host.RunAsync<AnswerRepresentativeInvitation, RepresentativeInvitation>(a => a.RefuseAsync(circle.Bruno, refused.Id, CancellationToken.None));
        circle.Host.Clock.Advance(TimeSpan.FromDays(30));

        (await Should.ThrowAsync<DelegationException>(() => circle.Host.RunAsync<AnswerRepresentativeInvitation, RepresentativeInvitation>(a => a.AcceptAsync(circle.Chloe, expired.Id, CancellationToken.None)))).Code.ShouldBe(DelegationException.InvitationExpired);
        (await circle.CanOpenAsync(circle.Bruno, circle.Child)).ShouldBeFalse();
        (await circle.CanOpenAsync(circle.Chloe, circle.Child)).ShouldBeFalse();
    }

    [Fact]
    public async Task Traces_name_a_parent_as_a_representative()
    {
        await using var circle = await Circle.OpenAsync();

        await circle.FindAsync(circle.Anne, circle.Child);

        var listed = (await circle.TracesAsync(circle.Child, TraceActions.DocumentsListed)).Single();
        listed.ActorKind.ShouldBe(ActorKind.Representative);
        listed.ActorId.ShouldBe(circle.Records["anne"].ToString());
    }

    [Fact]
    public async Task The_operator_registers_and_ends_the_guardianship_of_a_protected_adult()
    {
        await using var circle = await Circle.OpenAsync();
        var guardianship = await circle.Host.RunAsync<RegisterGuardianship, Representation>(r => r.HandleAsync(Nir.Parse(People.Alice), Nir.Parse(People.Bruno), "op-1", CancellationToken.None));
        guardianship.Kind.ShouldBe(RepresentationKind.Guardian);
        guardianship.EndsOn.ShouldBeNull();
        (await circle.CanOpenAsync(circle.Bruno, circle.Records["alice"])).ShouldBeTrue();
        await circle.FindAsync(circle.Bruno, circle.Records["alice"]);
        (await circle.TracesAsync(circle.Records["alice"], TraceActions.DocumentsListed)).Single().ActorKind.ShouldBe(ActorKind.Representative);

        await circle.Host.RunAsync<RegisterGuardianship>(r => r.EndAsync(guardianship.Id, "op-1", CancellationToken.None));

        (await circle.CanOpenAsync(circle.Bruno, circle.Records["alice"])).ShouldBeFalse();
        (await Should.ThrowAsync<DelegationException>(() => circle.Host.RunAsync<RegisterGuardianship, Representation>(r => r.HandleAsync(Nir.Parse(People.Child), Nir.Parse(People.Bruno), "op-1", CancellationToken.None)))).Code.ShouldBe(DelegationException.NotAnAdult);
    }

    private static Task<RepresentativeInvitation> InviteAsync(Circle circle, Carnet.SignIn.Caller inviter, string invitee, Guid? recordId = null) =>
        circle.Host.RunAsync<InviteRepresentative, RepresentativeInvitation>(i => i.HandleAsync(inviter, new InviteRepresentative.Request(recordId ?? circle.Child, Circle.Login(invitee)), CancellationToken.None));
}
