using System.Globalization;
using Carnet.Audit;

namespace Carnet.Notifications;

/// <summary>
/// The words of notifications, French first then English, composed when shown so they follow the
/// reader's language. They name the professional and the action, never a document's title or content.
/// </summary>
public static class NotificationTexts
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The notification's line in the reader's language (French unless English is asked).</summary>
    public static string Title(Notification n, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? EnglishTitle(n) : FrenchTitle(n);

    public static string FrenchTitle(Notification n) => n.Kind switch
    {
        NotificationKind.ProfessionalAccess => n.Count > 1
            ? $"{n.ActorName} a consulté votre dossier ({n.Count} accès ce jour)"
            : $"{n.ActorName} a consulté votre dossier",
        NotificationKind.EmergencyAccess => $"{n.ActorName} a accédé à votre dossier en urgence ({FrenchMode(n.AccessMode)})",
        NotificationKind.DocumentByProfessional => n.Action switch
        {
            TraceActions.DocumentReplaced => $"{n.ActorName} a remplacé un document par une nouvelle version",
            TraceActions.DocumentChanged => $"{n.ActorName} a modifié {FrenchDocuments(n.Count)}",
            TraceActions.DocumentDeleted => $"{n.ActorName} a supprimé {FrenchDocuments(n.Count)}",
            TraceActions.DocumentAnnounced => $"{n.ActorName} a rendu visible un document dont il vous a parlé",
            _ => $"{n.ActorName} a ajouté {FrenchDocuments(n.Count)} à votre dossier",
        },
        NotificationKind.DocumentAwaitingAnnouncement =>
            $"Un document a été ajouté à votre dossier il y a 14 jours ; le professionnel qui l'a déposé vous en parlera. Il sera visible le {n.VisibleAt?.ToString("d MMMM yyyy", French)}",
        NotificationKind.DocumentReleased => "Un document ajouté il y a un mois est maintenant visible dans votre dossier",
        _ => "Nouvelle notification",
    };

    public static string EnglishTitle(Notification n) => n.Kind switch
    {
        NotificationKind.ProfessionalAccess => n.Count > 1
            ? $"{n.ActorName} consulted your record ({n.Count} accesses today)"
            : $"{n.ActorName} consulted your record",
        NotificationKind.EmergencyAccess => $"{n.ActorName} opened your record in an emergency ({EnglishMode(n.AccessMode)})",
        NotificationKind.DocumentByProfessional => n.Action switch
        {
            TraceActions.DocumentReplaced => $"{n.ActorName} replaced a document with a new version",
            TraceActions.DocumentChanged => $"{n.ActorName} changed {EnglishDocuments(n.Count)}",
            TraceActions.DocumentDeleted => $"{n.ActorName} deleted {EnglishDocuments(n.Count)}",
            TraceActions.DocumentAnnounced => $"{n.ActorName} made visible a document they told you about",
            _ => $"{n.ActorName} added {EnglishDocuments(n.Count)} to your record",
        },
        NotificationKind.DocumentAwaitingAnnouncement =>
            $"A document was added to your record 14 days ago; the professional who deposited it will tell you about it. It will be visible on {n.VisibleAt?.ToString("d MMMM yyyy", English)}",
        NotificationKind.DocumentReleased => "A document added a month ago is now visible in your record",
        _ => "New notification",
    };

    /// <summary>The e-mail: the line and a link to the portal, nothing more (no health data in e-mails).</summary>
    public static (string Subject, string Body) Email(Notification n, Uri portal) => (
        "Carnet : nouvelle notification — new notification",
        $"""
        Bonjour,

        {FrenchTitle(n)}.

        Retrouvez le détail dans votre espace Carnet, rubrique Notifications : {portal}
        Vous pouvez choisir les notifications que vous recevez par e-mail dans vos préférences.

        —

        Hello,

        {EnglishTitle(n)}.

        See the details in your Carnet record, under Notifications: {portal}
        You can choose which notifications you receive by e-mail in your preferences.
        """);

    private static string FrenchDocuments(int count) => count > 1 ? $"{count} documents" : "un document";

    private static string EnglishDocuments(int count) => count > 1 ? $"{count} documents" : "a document";

    private static string FrenchMode(AccessMode mode) => mode == AccessMode.Centre15 ? "SAMU - centre 15" : "bris de glace";

    private static string EnglishMode(AccessMode mode) => mode == AccessMode.Centre15 ? "emergency medical service, centre 15" : "break the glass";
}
