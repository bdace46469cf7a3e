using Carnet.Identifiers;

namespace Carnet.Documents.Cda;

/// <summary>What Carnet reads from a CDA R2 header before accepting the document (DOMAIN.md §4).</summary>
public sealed record CdaHeader
{
    /// <summary><c>ClinicalDocument/id</c>; null when absent or given as a nullFlavor.</summary>
    public CdaIdentifier? DocumentId { get; init; }

    /// <summary><c>ClinicalDocument/code</c>: the document type, a LOINC code such as 11502-2 (laboratory report).</summary>
    public CdaCode? Code { get; init; }

    public string? Title { get; init; }

    /// <summary>
    /// <c>ClinicalDocument/effectiveTime</c>, at the precision the CDA gives (missing parts are the
    /// start of the period: <c>20241105</c> is 5 November 2024 at 00:00). A time without an offset is
    /// read as UTC.
    /// </summary>
    public DateTimeOffset? EffectiveTime { get; init; }

    /// <summary><c>ClinicalDocument/confidentialityCode</c> (HL7 Confidentiality, 2.16.840.1.113883.5.25).</summary>
    public CdaCode? ConfidentialityCode { get; init; }

    /// <summary><c>ClinicalDocument/setId</c>: the same for every version of one document.</summary>
    public CdaIdentifier? SetId { get; init; }

    public int? VersionNumber { get; init; }

    /// <summary>Every <c>recordTarget/patientRole/id</c> with a root: the INS and local ids such as an IPP.</summary>
    public IReadOnlyList<CdaIdentifier> PatientIds { get; init; } = [];

    public IReadOnlyList<CdaAuthor> Authors { get; init; } = [];

    /// <summary><c>custodian/assignedCustodian/representedCustodianOrganization/id</c>.</summary>
    public CdaIdentifier? CustodianOrganizationId { get; init; }

    public CdaBody Body { get; init; }

    /// <summary>The <c>mediaType</c> of a level-1 body, such as <c>application/pdf</c>.</summary>
    public string? EmbeddedMediaType { get; init; }

    /// <summary>How many bytes of the level-1 body were written to the target stream; null when none was given.</summary>
    public long? EmbeddedBytes { get; init; }

    /// <summary>
    /// The patient's INS, for identity vigilance: the caller refuses the document when it differs from
    /// the target record's INS (DOMAIN.md §4). Test and demo authorities (.10, .11) pass only when
    /// <paramref name="allowTestAuthorities"/> is set (development and test modes, <see cref="InsOptions"/>).
    /// </summary>
    /// <exception cref="CdaFormatException">The header has no INS, two different ones, or an INS that is not valid.</exception>
    public Ins PatientIns(bool allowTestAuthorities)
    {
        const string Field = "recordTarget/patientRole/id";
        Ins? found = null;
        foreach (var id in PatientIds)
        {
            if (!IsIns(id))
            {
                continue;
            }

            if (!Ins.TryParse(id.Root, id.Extension, allowTestAuthorities, Field, out var ins, out var error))
            {
                throw new CdaFormatException($"The patient's INS in the CDA header is not valid: {error.Message}", error);
            }

            // Two different INS for one patient is an identity error upstream: choosing one could file the
            // document in the wrong record.
            if (found is not null && found != ins)
            {
                throw new CdaFormatException($"The CDA names two different INS in {Field}: keep only the patient's INS.");
            }

            found = ins;
        }

        return found ?? throw CdaReader.NoPatientIns();
    }

    /// <summary>An id under an INS authority with a value: an INS root with a nullFlavor names no one.</summary>
    internal static bool IsIns(CdaIdentifier id) => id.Extension is not null && InsAuthorities.TryFromOid(id.Root, out _);
}
