namespace Carnet.SignIn;

/// <summary>The claim types Carnet puts on an authenticated caller. Stable strings: they travel in cookies and tokens.</summary>
public static class CarnetClaims
{
    /// <summary>The kind of caller, a <see cref="CallerKind"/> name.</summary>
    public const string Kind = "carnet_kind";

    /// <summary>The account id (people only).</summary>
    public const string Account = "sub";

    /// <summary>The stored session the cookie names (people only): revoking it ends the session at its next request.</summary>
    public const string Session = "sid";

    /// <summary>The holder's own record.</summary>
    public const string HolderRecord = "carnet_record";

    /// <summary>The display name of the person acting.</summary>
    public const string Name = "name";

    /// <summary>The acting professional's national identifier (idNat_PS).</summary>
    public const string IdNatPs = "idnat_ps";

    /// <summary>The acting professional's profession (TRE_G15 code).</summary>
    public const string Profession = "profession";

    /// <summary>The acting professional's specialty (TRE_R38 code), when they have one.</summary>
    public const string Specialty = "specialty";

    /// <summary>The access mode of the call: normal, bris_de_glace or centre_15.</summary>
    public const string AccessMode = "access_mode";

    /// <summary>Why the professional consults (Access.PurposeOfUse); absent means care.</summary>
    public const string PurposeOfUse = Access.PurposeOfUse.Claim;

    /// <summary>The OAuth2 client id of establishment software.</summary>
    public const string ClientId = "client_id";

    /// <summary>The FINESS of the establishment the software belongs to.</summary>
    public const string Finess = "finess";

    /// <summary>How the person proved who they are (pwd, otp, totp, passkey), as in RFC 8176.</summary>
    public const string Methods = "amr";
}
