using System.Text;
using Carnet.Documents;
using Carnet.Documents.Storage;
using Carnet.Terminology;
using Carnet.Tests.Documents.Cda;
using Carnet.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Tests.Documents;

/// <summary>CDA R2 deposits (DOMAIN.md §4): identity vigilance on the header's INS, and a level-1 CDA's embedded PDF.</summary>
public class CdaDepositTests
{
    private const string FixtureNir = "255081416802538";

    [Fact]
    public async Task A_CDA_whose_patient_INS_differs_from_the_record_is_refused_and_nothing_is_kept()
    {
        await using var library = await Library.OpenAsync();
        var cda = await File.ReadAllBytesAsync(CdaReaderTests.FixturePath("lab-report-level1.xml"));

        var refused = await Should.ThrowAsync<DocumentException>(() => library.DepositAsync(library.Lab, CdaMetadata(), cda));

        refused.Code.ShouldBe(DocumentException.PatientMismatch);
        (await library.FindAsync(library.Holder)).Total.ShouldBe(0);
        await foreach (var key in library.Host.Services.GetRequiredService<IBlobStore>().ListAsync("", CancellationToken.None))
        {
            key.ShouldBeNull("no blob may stay after a refused deposit");
        }
    }

    [Fact]
    public async Task A_level_1_CDA_is_kept_whole_and_its_embedded_PDF_is_retrievable_on_its_own()
    {
        await using var library = await Library.OpenAsync();
        var cda = Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(CdaReaderTests.FixturePath("lab-report-level1.xml"))).Replace(FixtureNir, People.Alice, StringComparison.Ordinal));

        var document = await library.DepositOneAsync(library.Lab, CdaMetadata(), cda);

        document.RenditionContentType.ShouldBe("application/pdf");
        (await library.RetrieveAsync(library.Holder, document.Id)).ShouldBe(cda);
        (await library.RetrieveAsync(library.Holder, document.Id, embedded: true)).ShouldBe(await File.ReadAllBytesAsync(CdaReaderTests.FixturePath("lab-report.pdf")));
    }

    [Fact]
    public async Task XML_that_is_not_a_CDA_is_refused_with_what_to_fix()
    {
        await using var library = await Library.OpenAsync();

        var refused = await Should.ThrowAsync<DocumentException>(() => library.DepositAsync(library.Lab, CdaMetadata(), "<report><patient>x</patient></report>"u8.ToArray()));

        refused.Code.ShouldBe(DocumentException.InvalidCda);
        refused.Message.ShouldContain("ClinicalDocument");
    }

    private static DocumentMetadata CdaMetadata()
    {
        CodeSets.DocumentTypes.TryGet("11502-2", out var type).ShouldBeTrue();
        return new DocumentMetadata("urn:oid:1.2.250.1.999.3." + Guid.NewGuid().ToString("N")[..10], "CR de biologie", type.Category, type.Code, type.System, type.ClassCode, "urn:ihe:lab:xd-lab:2008", "text/xml", null, Library.BiologistIdNatPs, "Émilie ROBIN", null, Confidentiality.None);
    }
}
