using Carnet.Records.Notices;

namespace Carnet.SignIn;

/// <summary>The messages the sign-in doors send, in French then English.</summary>
internal static class SignInMessages
{
    public static NoticeText SignInCode(string code) => new(
        "Code de connexion Carnet — Carnet sign-in code",
        $"""
        Votre code de connexion Carnet : {code}
        Il est valable 10 minutes. Ne le communiquez à personne : Carnet ne vous le demandera jamais par téléphone.
        Si vous n'essayez pas de vous connecter, changez votre mot de passe.

        Your Carnet sign-in code: {code}
        It is valid for 10 minutes. Do not share it with anyone: Carnet will never ask for it on the phone.
        If you are not trying to sign in, change your password.
        """);

    public static string SignInCodeSms(string code) =>
        $"Carnet : votre code de connexion est {code} (valable 10 min, ne le communiquez à personne). Your Carnet sign-in code is {code}.";

    public static NoticeText PasswordResetCode(string code) => new(
        "Réinitialisation du mot de passe Carnet — Carnet password reset",
        $"""
        Votre code pour choisir un nouveau mot de passe Carnet : {code}
        Il est valable 10 minutes. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.

        Your code to choose a new Carnet password: {code}
        It is valid for 10 minutes. If you did not ask for it, ignore this message: your password stays the same.
        """);

    public static NoticeText PasswordChanged() => new(
        "Mot de passe Carnet modifié — Carnet password changed",
        """
        Le mot de passe de votre compte Carnet vient d'être modifié, et vos autres sessions ont été fermées.
        Si ce n'est pas vous, réinitialisez votre mot de passe tout de suite et appelez le service Carnet.

        The password of your Carnet account has just been changed, and your other sessions were signed out.
        If this was not you, reset your password now and call the Carnet service.
        """);

    public static NoticeText CredentialsReissued() => new(
        "Accès Carnet renouvelé — Carnet sign-in re-issued",
        """
        Le service Carnet vient de vous attribuer un nouveau mot de passe et une nouvelle clé d'authentification ; vos sessions et vos clés d'accès (passkeys) précédentes ne fonctionnent plus.
        Si vous ne l'avez pas demandé, appelez le service Carnet tout de suite.

        The Carnet service has just given you a new password and a new authenticator key; your previous sessions and passkeys no longer work.
        If you did not ask for this, call the Carnet service now.
        """);

    public static NoticeText PasskeyAdded(string name) => new(
        "Nouvelle clé d'accès Carnet — New Carnet passkey",
        $"""
        Une clé d'accès (passkey) « {name} » vient d'être ajoutée à votre compte Carnet : elle permet de se connecter sans mot de passe.
        Si ce n'est pas vous, supprimez-la depuis votre espace et changez votre mot de passe.

        A passkey "{name}" has just been added to your Carnet account: it signs in without a password.
        If this was not you, remove it from your account page and change your password.
        """);
}
