namespace Carnet.Records.Import;

/// <summary>The enrolment file formats the operator can send.</summary>
public enum ImportFormat
{
    Csv,
    Ndjson,
}
