namespace Carnet.Fhir;

/// <summary>A FHIR request Carnet cannot use as sent (400), with the element at fault and what to send instead.</summary>
public sealed class FhirRequestException(string message) : Exception(message);
