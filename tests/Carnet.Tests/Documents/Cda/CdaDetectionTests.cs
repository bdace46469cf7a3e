using System.Text;
using Carnet.Documents.Cda;

namespace Carnet.Tests.Documents.Cda;

public class CdaDetectionTests
{
    [Theory]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\">")]
    [InlineData("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">")]
    [InlineData("<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"CDA.xsl\"?>\n<!-- CR de biologie -->\n  <ClinicalDocument\n xmlns=\"urn:hl7-org:v3\">")]
    [InlineData("<hl7:ClinicalDocument xmlns:hl7=\"urn:hl7-org:v3\">")]
    [InlineData("<ClinicalDocument/>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")]
    public void A_document_whose_root_is_ClinicalDocument_looks_like_a_CDA(string head) =>
        CdaReader.LooksLikeCda(Encoding.UTF8.GetBytes(head)).ShouldBeTrue();

    [Theory]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}")]
    [InlineData("<?xml version=\"1.0\"?><Bundle xmlns=\"http://hl7.org/fhir\">")]
    [InlineData("<ClinicalDocumentation>")]
    [InlineData("<?xml version=\"1.0\"?><!-- a comment longer than the bytes read")]
    [InlineData("<?xml version=\"1.0\"?><ClinicalDocum")]
    [InlineData("text before <ClinicalDocument>")]
    [InlineData("")]
    public void Anything_else_does_not(string head) =>
        CdaReader.LooksLikeCda(Encoding.UTF8.GetBytes(head)).ShouldBeFalse();

    [Fact]
    public void The_first_kilobyte_of_a_real_level_1_report_is_enough()
    {
        var head = File.ReadAllBytes(CdaReaderTests.FixturePath("lab-report-level1.xml")).AsSpan(0, 1024);

        CdaReader.LooksLikeCda(head).ShouldBeTrue();
    }
}
