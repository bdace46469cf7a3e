using Carnet.Access;
using Carnet.Access.Delegations;
using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Documents.Encryption;
using Carnet.Identifiers;
using Carnet.Jobs;
using Carnet.Mail;
using Carnet.Notifications;
using Carnet.Professionals;
using Carnet.Records;
using Carnet.Records.Enrolment;
using Carnet.Records.Import;
using Carnet.Records.Notices;
using Carnet.SignIn.Challenges;
using Carnet.SignIn.Establishments;
using Carnet.SignIn.KeyRing;
using Carnet.SignIn.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Persistence;

/// <summary>
/// The one model, shared by both providers. Each provider has a sealed subclass with its own
/// generated migrations (docs/adr/0002): one migration set cannot serve both.
/// </summary>
public abstract class CarnetDbContext(DbContextOptions options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>, IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options)
{
    public DbSet<HealthRecord> Records => Set<HealthRecord>();

    public DbSet<Representation> Representations => Set<Representation>();

    public DbSet<ProvisionalCode> ProvisionalCodes => Set<ProvisionalCode>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<PostalLetter> PostalLetters => Set<PostalLetter>();

    public DbSet<ActivationSession> ActivationSessions => Set<ActivationSession>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Trace> Traces => Set<Trace>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<Professional> Professionals => Set<Professional>();

    public DbSet<Establishment> Establishments => Set<Establishment>();

    public DbSet<EstablishmentClient> EstablishmentClients => Set<EstablishmentClient>();

    public DbSet<DeclaredRole> DeclaredRoles => Set<DeclaredRole>();

    public DbSet<ProfessionalAuthorization> ProfessionalAuthorizations => Set<ProfessionalAuthorization>();

    public DbSet<ProfessionalBlock> ProfessionalBlocks => Set<ProfessionalBlock>();

    public DbSet<RecordAccessSettings> RecordAccessSettings => Set<RecordAccessSettings>();

    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();

    public DbSet<SecretConnection> SecretConnections => Set<SecretConnection>();
    public DbSet<CaregiverLink> CaregiverLinks => Set<CaregiverLink>();

    public DbSet<RepresentativeInvitation> RepresentativeInvitations => Set<RepresentativeInvitation>();

    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();

    public DbSet<SignInChallenge> SignInChallenges => Set<SignInChallenge>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ClientKey> ClientKeys => Set<ClientKey>();

    public DbSet<UsedClientAssertion> UsedClientAssertions => Set<UsedClientAssertion>();

    public DbSet<TokenSigningKey> TokenSigningKeys => Set<TokenSigningKey>();

    public DbSet<HealthDocument> Documents => Set<HealthDocument>();

    public DbSet<DocumentFolder> DocumentFolders => Set<DocumentFolder>();

    public DbSet<DocumentSubmission> DocumentSubmissions => Set<DocumentSubmission>();

    public DbSet<StagedBinary> StagedBinaries => Set<StagedBinary>();

    public DbSet<RecordKey> RecordKeys => Set<RecordKey>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<InvisibleDocumentNotice> InvisibleDocumentNotices => Set<InvisibleDocumentNotice>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CarnetDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // Enums are stored by name: readable in SQL, stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Nir>().HaveConversion<NirConverter>().HaveMaxLength(Nir.Length).AreFixedLength();
        configurationBuilder.Properties<VitaleSerial>().HaveConversion<VitaleSerialConverter>().HaveMaxLength(13);
        configurationBuilder.Properties<ProfessionalId>().HaveConversion<ProfessionalIdConverter>().HaveMaxLength(12);
        configurationBuilder.Properties<Finess>().HaveConversion<FinessConverter>().HaveMaxLength(9);
    }
}
