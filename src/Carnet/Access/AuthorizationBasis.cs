namespace Carnet.Access;

/// <summary>Why a professional is authorised.</summary>
public enum AuthorizationBasis
{
    /// <summary>They treat the holder (they deposited a document): deemed authorised unless the holder objected.</summary>
    CareTeam,

    /// <summary>The holder's consent, recorded by the professional during a consultation.</summary>
    Consent,

    /// <summary>The holder added them from their portal.</summary>
    Holder,
}
