using System.Globalization;
using System.Text;
using System.Xml;
using Carnet.Documents.Cda;
using Carnet.Identifiers;

namespace Carnet.Tests.Documents.Cda;

public class CdaReaderTests
{
    private const string Nir = "255081416802538";

    private const string PatientIns = $"""<recordTarget><patientRole><id root="1.2.250.1.213.1.4.8" extension="{Nir}"/></patientRole></recordTarget>""";

    private const string Level1 = "lab-report-level1.xml";

    private const string Structured = "lab-report-structured.xml";

    [Fact]
    public async Task The_patient_INS_is_read_from_the_header()
    {
        var header = await ReadFixtureAsync(Level1);

        var ins = header.PatientIns(allowTestAuthorities: false);
        ins.Authority.ShouldBe(InsAuthority.InsNir);
        ins.Nir.Value.ShouldBe(Nir);
        header.PatientIds.ShouldBe([
            new CdaIdentifier("1.2.250.1.213.1.4.8", Nir),
            new CdaIdentifier("1.2.250.1.71.4.2.7.1010780195", "IPP0042517"),
        ]);
    }

    [Fact]
    public async Task The_header_gives_the_document_type_date_author_and_custodian()
    {
        var header = await ReadFixtureAsync(Level1);

        header.DocumentId.ShouldBe(new CdaIdentifier("1.2.250.1.213.1.1.9", "LBMP-2024-110500417"));
        header.Code.ShouldBe(new CdaCode("11502-2", "2.16.840.1.113883.6.1", "CR d'examens biologiques"));
        header.Title.ShouldBe("Compte rendu d'examens biologiques");
        header.EffectiveTime.ShouldBe(new DateTimeOffset(2024, 11, 5, 14, 30, 0, TimeSpan.FromHours(1)));
        header.ConfidentialityCode.ShouldBe(new CdaCode("N", "2.16.840.1.113883.5.25", "Normal"));
        header.SetId.ShouldBe(new CdaIdentifier("1.2.250.1.213.1.1.9", "LBMP-2024-110500417-SET"));
        header.VersionNumber.ShouldBe(1);
        header.CustodianOrganizationId.ShouldBe(new CdaIdentifier("1.2.250.1.71.4.2.2", "1010780195"));

        // The legal authenticator (Dr Bernard) is not an author.
        header.Authors.ShouldBe([
            new CdaAuthor(
                new CdaIdentifier("1.2.250.1.71.4.2.1", "810001234567"),
                "Claire",
                "MARTIN",
                "Laboratoire de biologie médicale du Parc",
                new CdaIdentifier("1.2.250.1.71.4.2.2", "1010780195")),
        ]);
    }

    [Fact]
    public async Task A_level_1_CDA_yields_its_embedded_pdf_byte_for_byte()
    {
        using var pdf = new MemoryStream();
        var header = await ReadFixtureAsync(Level1, pdf);

        var expected = await File.ReadAllBytesAsync(FixturePath("lab-report.pdf"));
        pdf.ToArray().ShouldBe(expected);
        header.Body.ShouldBe(CdaBody.Level1NonXml);
        header.EmbeddedMediaType.ShouldBe("application/pdf");
        header.EmbeddedBytes.ShouldBe(expected.Length);
    }

    [Fact]
    public async Task Without_a_target_the_embedded_document_is_described_but_not_copied()
    {
        var header = await ReadFixtureAsync(Level1);

        header.Body.ShouldBe(CdaBody.Level1NonXml);
        header.EmbeddedMediaType.ShouldBe("application/pdf");
        header.EmbeddedBytes.ShouldBeNull();
    }

    [Fact]
    public async Task A_structured_CDA_has_no_embedded_content()
    {
        using var target = new MemoryStream();
        var header = await ReadFixtureAsync(Structured, target);

        header.Body.ShouldBe(CdaBody.Structured);
        header.EmbeddedMediaType.ShouldBeNull();
        header.EmbeddedBytes.ShouldBeNull();
        target.Length.ShouldBe(0);
    }

    [Fact]
    public async Task A_new_version_is_read_from_its_own_header_not_from_the_document_it_replaces()
    {
        var header = await ReadFixtureAsync(Structured);

        header.DocumentId.ShouldBe(new CdaIdentifier("1.2.250.1.213.1.1.9", "LBMP-2024-110500418-v2"));
        header.SetId.ShouldBe(new CdaIdentifier("1.2.250.1.213.1.1.9", "LBMP-2024-110500418"));
        header.VersionNumber.ShouldBe(2);
        header.Title.ShouldBe("Compte rendu d'examens biologiques (complément)");
        header.PatientIns(allowTestAuthorities: false).Nir.Value.ShouldBe("294037512000591");
    }

    [Fact]
    public async Task Authors_are_people_or_software_each_with_its_first_id()
    {
        var header = await ReadFixtureAsync(Structured);

        header.Authors.Count.ShouldBe(2);
        header.Authors[0].Id.ShouldBe(new CdaIdentifier("1.2.250.1.71.4.2.1", "810009876543"));
        header.Authors[0].GivenName.ShouldBe("Jean Pierre");
        header.Authors[0].FamilyName.ShouldBe("ROUSSEAU");
        header.Authors[0].OrganizationId.ShouldBe(new CdaIdentifier("1.2.250.1.71.4.2.2", "1010780195"));
        header.Authors[1].ShouldBe(new CdaAuthor(new CdaIdentifier("1.2.250.1.71.4.2.2", "1010780195/SGL"), null, null, null, null));
    }

    [Fact]
    public async Task A_CDA_without_patient_INS_is_refused_with_a_clear_message()
    {
        var cda = Cda(
            """<recordTarget><patientRole><id root="1.2.250.1.71.4.2.7.1010780195" extension="IPP0042517"/></patientRole></recordTarget>""",
            """<component><nonXMLBody><text mediaType="application/pdf" representation="B64">JVBERi0xLjQK</text></nonXMLBody></component>""");
        using var target = new MemoryStream();

        var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(cda, target));

        error.Message.ShouldBe("The CDA has no recordTarget/patientRole/id with an INS root (1.2.250.1.213.1.4.8): add the patient's INS.");
        target.Length.ShouldBe(0, "the body must not be copied for a document that is refused");
    }

    [Fact]
    public async Task An_INS_root_without_a_value_counts_as_no_INS()
    {
        var cda = Cda("""<recordTarget><patientRole><id root="1.2.250.1.213.1.4.8" nullFlavor="UNK"/></patientRole></recordTarget>""");

        var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(cda));

        error.Message.ShouldContain("add the patient's INS");
    }

    [Fact]
    public async Task Two_different_patient_INS_are_refused()
    {
        var header = await ReadAsync(Cda("""
            <recordTarget><patientRole>
              <id root="1.2.250.1.213.1.4.8" extension="255081416802538"/>
              <id root="1.2.250.1.213.1.4.8" extension="294037512000591"/>
            </patientRole></recordTarget>
            """));

        var error = Should.Throw<CdaFormatException>(() => header.PatientIns(allowTestAuthorities: false));
        error.Message.ShouldContain("two different INS");
    }

    [Fact]
    public async Task An_INS_with_a_wrong_key_is_refused_with_the_identifier_rule()
    {
        var header = await ReadAsync(Cda("""<recordTarget><patientRole><id root="1.2.250.1.213.1.4.8" extension="255081416802539"/></patientRole></recordTarget>"""));

        var error = Should.Throw<CdaFormatException>(() => header.PatientIns(allowTestAuthorities: false));
        error.Message.ShouldContain("recordTarget/patientRole/id");
        error.Message.ShouldContain("key");
        error.InnerException.ShouldBeOfType<IdentifierException>();
    }

    [Fact]
    public async Task A_test_authority_INS_is_accepted_only_in_development_and_test_modes()
    {
        var header = await ReadAsync(Cda($"""<recordTarget><patientRole><id root="1.2.250.1.213.1.4.10" extension="{Nir}"/></patientRole></recordTarget>"""));

        header.PatientIns(allowTestAuthorities: true).Authority.ShouldBe(InsAuthority.TestNir);
        Should.Throw<CdaFormatException>(() => header.PatientIns(allowTestAuthorities: false)).Message.ShouldContain("refused in production");
    }

    [Theory]
    [InlineData("""<!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""", "&xxe;")]
    [InlineData("""<!DOCTYPE ClinicalDocument [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>""", "&c;")]
    [InlineData("""<!DOCTYPE ClinicalDocument SYSTEM "http://127.0.0.1:9/cda.dtd">""", "Compte rendu")]
    public async Task A_DTD_is_refused(string doctype, string title)
    {
        var cda = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            {doctype}
            <ClinicalDocument xmlns="urn:hl7-org:v3"><title>{title}</title>{PatientIns}</ClinicalDocument>
            """;

        var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(cda));

        error.Message.ShouldStartWith("The CDA declares a DTD (<!DOCTYPE …>), which is refused");
        error.Message.ShouldNotContain("DtdProcessing");
    }

    [Theory]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>Compte rendu")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>R&D</title></ClinicalDocument>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>Compte rendu</code></ClinicalDocument>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"></ClinicalDocument><ClinicalDocument/>")]
    [InlineData("Compte rendu d'examens biologiques")]
    [InlineData("")]
    public async Task Malformed_xml_is_reported_as_a_CDA_format_error(string xml)
    {
        var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(xml));

        error.Message.ShouldStartWith("The CDA is not well-formed XML: ");
        error.InnerException.ShouldBeOfType<XmlException>();
    }

    [Theory]
    [InlineData("""<Bundle xmlns="http://hl7.org/fhir"><type value="transaction"/></Bundle>""", "The root element is <Bundle>, not ClinicalDocument")]
    [InlineData("""<ClinicalDocument><title>Compte rendu</title></ClinicalDocument>""", "is in no namespace, not in HL7 v3's: declare xmlns=\"urn:hl7-org:v3\"")]
    public async Task A_document_that_is_not_an_HL7_ClinicalDocument_is_refused(string xml, string explanation)
    {
        var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(xml));

        error.Message.ShouldContain(explanation);
    }

    [Theory]
    [InlineData("""<text mediaType="application/pdf">JVBERi0xLjQK</text>""", "has no representation (HL7's default is TXT)")]
    [InlineData("""<text mediaType="text/plain" representation="TXT">Bonjour</text>""", "has representation=\"TXT\": the embedded document must be base64-encoded")]
    [InlineData("""<text representation="B64">JVBERi0xLjQK</text>""", "has no mediaType")]
    [InlineData("""<text mediaType="application/pdf" representation="B64" compression="DF">JVBERi0xLjQK</text>""", "send the document uncompressed")]
    [InlineData("""<text mediaType="application/pdf" representation="B64"><reference value="https://lab.example/cr.pdf"/></text>""", "must hold only the base64 document; it contains a <reference> element")]
    [InlineData("""<text mediaType="application/pdf" representation="B64"/>""", "is empty")]
    [InlineData("""<languageCode code="fr-FR"/>""", "component/nonXMLBody has no text element")]
    public async Task A_non_XML_body_is_refused_unless_it_is_base64_with_a_media_type(string text, string explanation)
    {
        var cda = Cda(PatientIns, $"<component><nonXMLBody>{text}</nonXMLBody></component>");
        using var target = new MemoryStream();

        var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(cda, target));

        error.Message.ShouldContain(explanation);
    }

    [Theory]
    [InlineData("JVBE*i0xLjQK", "only A-Z, a-z, 0-9")]
    [InlineData("JVBERi0xLjQ", "ends with an incomplete group of 3 character(s)")]
    [InlineData("JVBERi0xLjQKJ", "ends with an incomplete group of 1 character(s)")]
    [InlineData("QQ==QUJD", "is not valid base64")]
    [InlineData("QQ=A", "is not valid base64")]
    public async Task Invalid_base64_is_refused(string base64, string explanation)
    {
        var cda = Cda(PatientIns, $"""<component><nonXMLBody><text mediaType="application/pdf" representation="B64">{base64}</text></nonXMLBody></component>""");
        using var target = new MemoryStream();

        var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(cda, target));

        error.Message.ShouldStartWith("component/nonXMLBody/text (line 1)");
        error.Message.ShouldContain(explanation);
    }

    [Fact]
    public async Task Data_after_base64_padding_is_refused_wherever_the_text_is_split_into_chunks()
    {
        // The reader decodes 16 K characters at a time; padding may end one chunk and data start the next.
        for (var filler = 16_360; filler <= 16_400; filler += 4)
        {
            var base64 = new string('A', filler) + "QQ==\nQUJD";
            var cda = Cda(PatientIns, $"""<component><nonXMLBody><text mediaType="application/pdf" representation="B64">{base64}</text></nonXMLBody></component>""");
            using var target = new MemoryStream();

            var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(cda, target));

            error.Message.ShouldContain("is not valid base64", customMessage: $"filler {filler}");
        }
    }

    [Fact]
    public async Task Base64_in_several_lines_and_CDATA_sections_is_decoded_whole()
    {
        var cda = Cda(PatientIns, """
            <component><nonXMLBody><text mediaType="text/plain" representation="B64">
              Q29tcHRl
              IHJlbmR1<![CDATA[IGQnZXhh]]><!-- a comment between lines -->bWVucw==
            </text></nonXMLBody></component>
            """);
        using var target = new MemoryStream();

        var header = await ReadAsync(cda, target);

        Encoding.ASCII.GetString(target.ToArray()).ShouldBe("Compte rendu d'examens");
        header.EmbeddedBytes.ShouldBe(22);
    }

    [Theory]
    [InlineData("2024", "2024-01-01T00:00:00+00:00")]
    [InlineData("202411", "2024-11-01T00:00:00+00:00")]
    [InlineData("20241105", "2024-11-05T00:00:00+00:00")]
    [InlineData("2024110514", "2024-11-05T14:00:00+00:00")]
    [InlineData("202411051230+0100", "2024-11-05T12:30:00+01:00")]
    [InlineData("20241105143000", "2024-11-05T14:30:00+00:00")]
    [InlineData("20241105143000.5-0500", "2024-11-05T14:30:00.5-05:00")]
    [InlineData("20240229235959.1234+0530", "2024-02-29T23:59:59.1234+05:30")]
    [InlineData("20241105+01", "2024-11-05T00:00:00+01:00")]
    public async Task Partial_precision_effective_times_are_read(string value, string expected)
    {
        var header = await ReadAsync(Cda($"""<effectiveTime value="{value}"/>{PatientIns}"""));

        var time = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        header.EffectiveTime.ShouldBe(time);
        header.EffectiveTime!.Value.Offset.ShouldBe(time.Offset);
    }

    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("20241305")]
    [InlineData("20230229")]
    [InlineData("2024110514300")]
    [InlineData("20241105.5")]
    [InlineData("20241105143000+2500")]
    [InlineData("20241105143000+01:00")]
    public async Task An_effective_time_that_is_not_an_HL7_date_is_refused_with_its_value(string value)
    {
        var error = await Should.ThrowAsync<CdaFormatException>(() => ReadAsync(Cda($"""<effectiveTime value="{value}"/>{PatientIns}""")));

        error.Message.ShouldStartWith($"ClinicalDocument/effectiveTime (line 1) value=\"{value}\" is not an HL7 date-time");
    }

    [Fact]
    public async Task An_unknown_effective_time_is_absent()
    {
        var header = await ReadAsync(Cda($"""<effectiveTime nullFlavor="UNK"/>{PatientIns}"""));

        header.EffectiveTime.ShouldBeNull();
    }

    [Fact]
    public async Task Elements_of_other_namespaces_are_ignored()
    {
        var header = await ReadAsync(Cda($"""
            <ext:title xmlns:ext="urn:example:extension">Not the title</ext:title>
            <title>Compte rendu</title>
            <recordTarget><patientRole>
              <ext:id xmlns:ext="urn:example:extension" root="1.2.250.1.213.1.4.8" extension="294037512000591"/>
              <id root="1.2.250.1.213.1.4.8" extension="{Nir}"/>
            </patientRole></recordTarget>
            """));

        header.Title.ShouldBe("Compte rendu");
        header.PatientIds.ShouldBe([new CdaIdentifier("1.2.250.1.213.1.4.8", Nir)]);
    }

    [Fact]
    public async Task A_CDA_without_a_body_has_only_a_header()
    {
        var header = await ReadAsync(Cda(PatientIns));

        header.Body.ShouldBe(CdaBody.None);
        header.DocumentId.ShouldBeNull();
        header.Title.ShouldBeNull();
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var xml = new MemoryStream(Encoding.UTF8.GetBytes(Cda(PatientIns)));

        await Should.ThrowAsync<OperationCanceledException>(() => CdaReader.ReadAsync(xml, null, cancelled.Token));
    }

    internal static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Documents", "Cda", "Fixtures", name);

    private static string Cda(string header, string body = "") =>
        $"""<ClinicalDocument xmlns="urn:hl7-org:v3">{header}{body}</ClinicalDocument>""";

    private static async Task<CdaHeader> ReadAsync(string xml, Stream? embeddedContent = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return await CdaReader.ReadAsync(stream, embeddedContent, CancellationToken.None);
    }

    private static async Task<CdaHeader> ReadFixtureAsync(string name, Stream? embeddedContent = null)
    {
        await using var stream = File.OpenRead(FixturePath(name));
        return await CdaReader.ReadAsync(stream, embeddedContent, CancellationToken.None);
    }
}
