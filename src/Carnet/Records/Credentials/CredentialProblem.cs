namespace Carnet.Records.Credentials;

/// <summary>One broken login or password rule: a stable snake_case code and a message telling the holder what to do.</summary>
/// <remarks>Messages never quote the value that was checked: they are shown in UIs and may end up in logs.</remarks>
public sealed record CredentialProblem(string Code, string Message);
