using Carnet.Records.Credentials;

namespace Carnet.Records.Enrolment;

/// <summary>The chosen login or password breaks rules; every broken rule is listed.</summary>
public sealed class CredentialsRejectedException : Exception
{
    public CredentialsRejectedException(IReadOnlyList<CredentialProblem> problems)
        : base("The login or password does not follow the rules: " + string.Join(" ", problems.Select(p => p.Message))) => Problems = problems;

    public CredentialsRejectedException()
        : this([])
    {
    }

    public CredentialsRejectedException(string message)
        : base(message) => Problems = [];

    public CredentialsRejectedException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    public IReadOnlyList<CredentialProblem> Problems { get; }
}
