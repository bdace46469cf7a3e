using Carnet.Persistence;
using Carnet.Professionals;
using Carnet.Tests.Documents;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Professionals;

/// <summary>The holder reads which establishment a document comes from: by the software that sent it, else by the author's FINESS.</summary>
public class EstablishmentNamesTests
{
    [Theory]
    [DatabaseProviders]
    public async Task A_document_is_named_after_the_establishment_of_the_software_that_sent_it_else_of_its_author(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        await library.Host.RunAsync<RegisterEstablishment>(r => r.HandleAsync(new RegisterEstablishment.Request("690000013", "Laboratoire Bioplus", EstablishmentKind.Laboratory), CancellationToken.None));
        await library.Host.RunAsync<RegisterEstablishment>(r => r.HandleAsync(new RegisterEstablishment.Request("750000028", "Hôpital Saint-Louis", EstablishmentKind.Hospital), CancellationToken.None));
        var hospitalSoftware = await library.Host.RunAsync<RegisterEstablishmentClient, string>(r => r.HandleAsync(new RegisterEstablishmentClient.Request("750000028", "DPI"), CancellationToken.None));

        var byAuthor = (await library.DepositAsync(library.Lab, Library.LabReport(), Library.Pdf())).Documents.Single().Document;
        var bySoftware = (await library.DepositAsync(library.Lab with { ClientId = hospitalSoftware }, Library.LabReport(), Library.Pdf())).Documents.Single().Document;
        var byHolder = (await library.DepositAsync(library.Holder, Library.HolderNote("Note"), "x"u8.ToArray())).Documents.Single().Document;

        var names = await library.Host.RunAsync<EstablishmentNames, IReadOnlyDictionary<Guid, string>>(n => n.OfAsync([byAuthor, bySoftware, byHolder], CancellationToken.None));

        names[byAuthor.Id].ShouldBe("Laboratoire Bioplus", "the lab's client id is unknown here: the author's FINESS names it");
        names[bySoftware.Id].ShouldBe("Hôpital Saint-Louis", "the software that sent it comes first");
        names.ContainsKey(byHolder.Id).ShouldBeFalse("a holder's own upload has no establishment");
    }
}
