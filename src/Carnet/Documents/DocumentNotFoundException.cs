namespace Carnet.Documents;

/// <summary>No document answers to this id for this caller: absent, or not theirs to see (the same answer).</summary>
public sealed class DocumentNotFoundException()
    : Exception(SignIn.HealthDataRefusals.NotFound);
