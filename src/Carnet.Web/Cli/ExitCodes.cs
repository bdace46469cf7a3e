namespace Carnet.Web.Cli;

/// <summary>What the operator CLI's exit code means (scripts and schedulers read it).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Done, but some lines or items were rejected (see the error report).</summary>
    public const int PartialSuccess = 1;

    /// <summary>Wrong arguments or unreadable input: nothing was done.</summary>
    public const int InvalidInput = 2;

    /// <summary>The record, establishment or job named does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>The step is not possible in the record's current state.</summary>
    public const int Refused = 4;

    /// <summary>An unexpected error (EX_SOFTWARE); see the log.</summary>
    public const int InternalError = 70;
}
