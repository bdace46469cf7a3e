namespace Carnet.Documents;

/// <summary>A refused document operation, with a stable code and a message that says what to do next (no health data in it).</summary>
public sealed class DocumentException(string code, string message) : Exception(message)
{
    public const string InvalidMetadata = "invalid_metadata";
    public const string UnsupportedFormat = "unsupported_format";
    public const string TooLarge = "too_large";
    public const string PatientMismatch = "patient_mismatch";
    public const string InvalidCda = "invalid_cda";
    public const string RecordNotOpen = "record_not_open";
    public const string NotYours = "not_yours";
    public const string NotCurrent = "not_current";
    public const string DuplicateConflict = "master_identifier_reused";
    public const string TooMany = "too_many";
    public const string FolderNotFound = "folder_not_found";
    public const string BinaryNotFound = "binary_not_found";

    public string Code { get; } = code;
}
