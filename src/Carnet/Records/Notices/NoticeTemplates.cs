using System.Globalization;

namespace Carnet.Records.Notices;

/// <summary>
/// The words of the lifecycle's messages, French first then English. Plain text: read on any phone,
/// printed on any letter.
/// </summary>
public static class NoticeTemplates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static NoticeText Notice(HealthRecord record, bool forRepresentative, string code, DateTimeOffset codeExpiresAt, Uri portal)
    {
        var who = forRepresentative
            ? $"En tant que représentant légal de {record.DisplayName}, vous êtes informé(e) que"
            : "Vous êtes informé(e) que";
        var whoEn = forRepresentative
            ? $"As the legal representative of {record.DisplayName}, you are informed that"
            : "You are informed that";
        var body = $"""
            Bonjour,

            {who} l'Assurance Maladie ouvre un espace numérique de santé Carnet à votre nom : un endroit sûr pour garder vos documents de santé et les partager avec les soignants de votre choix.

            Il sera créé automatiquement six semaines après l'envoi de ce message, sauf si vous vous y opposez.

            Votre code provisoire : {code}
            Il est valable jusqu'au {codeExpiresAt.ToString("d MMMM yyyy", French)} et ne sert qu'une fois.

            Pour activer votre espace dès maintenant, ou pour vous opposer à sa création, rendez-vous sur {portal} avec ce code, votre numéro de sécurité sociale et votre carte Vitale.
            Vous pourrez fermer votre espace à tout moment, et demander la suppression de vos données.

            —

            Hello,

            {whoEn} the health insurer is opening a Carnet digital health record in your name: a safe place to keep your health documents and share them with the carers you choose.

            It will be created automatically six weeks after this message was sent, unless you object.

            Your provisional code: {code}
            It is valid until {codeExpiresAt.ToString("d MMMM yyyy", English)} and works only once.

            To activate your record now, or to object to its creation, go to {portal} with this code, your social security number and your Vitale card.
            You can close your record at any time, and ask for your data to be deleted.
            """;
        return new NoticeText("Votre espace santé Carnet — Your Carnet health record", body);
    }

    public static NoticeText NewProvisionalCode(string code, DateTimeOffset codeExpiresAt, Uri portal) => new(
        "Votre nouveau code provisoire Carnet — Your new Carnet code",
        $"""
        Bonjour,

        Voici le nouveau code provisoire que vous avez demandé : {code}
        Il est valable jusqu'au {codeExpiresAt.ToString("d MMMM yyyy", French)} et ne sert qu'une fois. Les codes précédents ne fonctionnent plus.
        Utilisez-le sur {portal}. Si vous n'avez rien demandé, ignorez ce message.

        —

        Hello,

        Here is the new provisional code you asked for: {code}
        It is valid until {codeExpiresAt.ToString("d MMMM yyyy", English)} and works only once. Earlier codes no longer work.
        Use it at {portal}. If you did not ask for it, ignore this message.
        """);

    public static NoticeText ContactCode(string code) => new(
        "Code de confirmation Carnet — Carnet confirmation code",
        $"""
        Votre code de confirmation Carnet : {code}
        Il est valable 10 minutes. Ne le communiquez à personne.

        Your Carnet confirmation code: {code}
        It is valid for 10 minutes. Do not share it with anyone.
        """);

    public static string ContactCodeSms(string code) =>
        $"Carnet : votre code de confirmation est {code} (valable 10 min). Your Carnet code is {code}.";

    public static NoticeText Closed(DateTimeOffset purgeAt) => Information(
        $"Votre espace Carnet est fermé. Vos données sont archivées jusqu'au {purgeAt.ToString("d MMMM yyyy", French)}, puis supprimées. Vous pouvez le rouvrir à tout moment d'ici là, ou demander la suppression immédiate de vos données.",
        $"Your Carnet record is closed. Your data are archived until {purgeAt.ToString("d MMMM yyyy", English)}, then deleted. You can reopen it at any time until then, or ask for your data to be deleted now.");

    public static NoticeText DeletionRequested(DateTimeOffset deadline) => Information(
        $"Nous avons bien reçu votre demande de suppression. Vos données seront supprimées au plus tard le {deadline.ToString("d MMMM yyyy", French)} ; nous vous écrirons quand ce sera fait.",
        $"We have received your deletion request. Your data will be deleted by {deadline.ToString("d MMMM yyyy", English)} at the latest; we will write to you when it is done.");

    public static NoticeText Deleted() => Information(
        "Les données de votre espace Carnet ont été supprimées, comme vous l'avez demandé. Si vous changez d'avis, vous pouvez créer un nouvel espace, vide, à tout moment.",
        "The data of your Carnet record have been deleted, as you asked. If you change your mind, you can create a new, empty record at any time.");

    public static NoticeText Reopened() => Information(
        "Votre espace Carnet est de nouveau ouvert. Si vous n'êtes pas à l'origine de cette demande, contactez-nous.",
        "Your Carnet record is open again. If you did not ask for this, contact us.");

    public static NoticeText CreatedAfterObjection() => Information(
        "Vous avez changé d'avis : votre espace Carnet est créé. Vous pouvez l'activer avec un code provisoire, votre numéro de sécurité sociale et votre carte Vitale. Si vous n'êtes pas à l'origine de cette demande, contactez-nous.",
        "You changed your mind: your Carnet record is created. You can activate it with a provisional code, your social security number and your Vitale card. If you did not ask for this, contact us.");

    public static NoticeText Objected() => Information(
        "Votre opposition à la création de votre espace Carnet est enregistrée : il ne sera pas créé. Vous pouvez changer d'avis à tout moment.",
        "Your objection to the creation of your Carnet record is recorded: it will not be created. You can change your mind at any time.");

    public static NoticeText Suspended(DateTimeOffset closesAt) => Information(
        $"L'accès à votre espace Carnet est suspendu à la suite d'une anomalie grave ou d'un usage frauduleux constaté. Sans opposition de votre part avant le {closesAt.ToString("d MMMM yyyy", French)}, votre espace sera fermé (vos données seront archivées). Pour vous y opposer, contactez le service Carnet.",
        $"Access to your Carnet record is suspended after a serious malfunction or fraudulent use was found. Unless you object before {closesAt.ToString("d MMMM yyyy", English)}, your record will be closed (your data will be archived). To object, contact the Carnet service.");

    public static NoticeText RepresentationEnded(string childName) => Information(
        $"{childName} a 18 ans : vous n'avez plus accès à son espace Carnet en tant que représentant légal. Les consentements donnés pendant sa minorité devront être renouvelés par lui-même ou elle-même.",
        $"{childName} is now 18: you no longer have access to their Carnet record as legal representative. Consents given during their minority must be renewed by them.");

    public static NoticeText CameOfAge() => Information(
        "Vous avez 18 ans : votre espace Carnet est désormais le vôtre seul. Vos représentants légaux n'y ont plus accès. Pensez à renouveler vos choix (accès en urgence, applications).",
        "You are now 18: your Carnet record is yours alone. Your legal representatives no longer have access. Remember to renew your choices (emergency access, apps).");

    private static NoticeText Information(string french, string english) => new(
        "Information sur votre espace Carnet — About your Carnet record",
        $"""
        Bonjour,

        {french}

        —

        Hello,

        {english}
        """);
}
