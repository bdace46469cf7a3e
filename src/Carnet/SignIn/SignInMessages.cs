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
}
