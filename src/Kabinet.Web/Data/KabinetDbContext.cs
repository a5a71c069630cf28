using Kabinet.Web.Common.Email;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Data;

/// <summary>
/// The one database of Kabinet. Each provider has its own subclass so that each keeps its own
/// migrations (Data/Migrations/Sqlite, Data/Migrations/Postgres); the application only sees this type.
/// </summary>
public abstract class KabinetDbContext(DbContextOptions options) : IdentityUserContext<Account, int>(options), IDataProtectionKeyContext
{
    /// <summary>Keys that protect cookies and tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<AcademicYear> AcademicYears => Set<AcademicYear>();

    public DbSet<StudyPeriod> StudyPeriods => Set<StudyPeriod>();

    public DbSet<ClassGroup> ClassGroups => Set<ClassGroup>();

    public DbSet<KindergartenGroup> KindergartenGroups => Set<KindergartenGroup>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<ClassMembership> ClassMemberships => Set<ClassMembership>();

    public DbSet<KindergartenPlacement> KindergartenPlacements => Set<KindergartenPlacement>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<FamilyLink> FamilyLinks => Set<FamilyLink>();

    public DbSet<ChildLinkRequest> ChildLinkRequests => Set<ChildLinkRequest>();

    public DbSet<PersonalDataAccess> PersonalDataAccess => Set<PersonalDataAccess>();

    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    public DbSet<Features.Accounts.Roles.RoleRequest> RoleRequests => Set<Features.Accounts.Roles.RoleRequest>();

    public DbSet<Features.Accounts.Issuing.IssuedList> IssuedLists => Set<Features.Accounts.Issuing.IssuedList>();

    public DbSet<Features.Accounts.Profile.ContactChange> ContactChanges => Set<Features.Accounts.Profile.ContactChange>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<Features.Accounts.Sessions.AccountSession> AccountSessions => Set<Features.Accounts.Sessions.AccountSession>();

    public DbSet<Features.Accounts.Sessions.SignInEvent> SignInEvents => Set<Features.Accounts.Sessions.SignInEvent>();

    public DbSet<Features.Accounts.Recovery.PasswordResetToken> PasswordResetTokens => Set<Features.Accounts.Recovery.PasswordResetToken>();

    public DbSet<Features.Accounts.Recovery.RecoveryRequest> RecoveryRequests => Set<Features.Accounts.Recovery.RecoveryRequest>();

    public DbSet<Features.Support.SupportRequest> SupportRequests => Set<Features.Support.SupportRequest>();

    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();

    public DbSet<Features.Notifications.NotificationPreference> NotificationPreferences => Set<Features.Notifications.NotificationPreference>();

    public DbSet<Features.Kindergarten.Queue.QueueApplication> QueueApplications => Set<Features.Kindergarten.Queue.QueueApplication>();

    public DbSet<Features.Kindergarten.Queue.ApplicationChoice> ApplicationChoices => Set<Features.Kindergarten.Queue.ApplicationChoice>();

    public DbSet<Features.Kindergarten.Queue.StatusChange> StatusChanges => Set<Features.Kindergarten.Queue.StatusChange>();

    public DbSet<Features.Kindergarten.Queue.BenefitGround> BenefitGrounds => Set<Features.Kindergarten.Queue.BenefitGround>();

    public DbSet<Features.Kindergarten.Documents.ApplicationDocument> ApplicationDocuments => Set<Features.Kindergarten.Documents.ApplicationDocument>();

    public DbSet<Features.Kindergarten.Allocation.Referral> Referrals => Set<Features.Kindergarten.Allocation.Referral>();

    public DbSet<Features.Kindergarten.Allocation.AllocationRun> AllocationRuns => Set<Features.Kindergarten.Allocation.AllocationRun>();

    public DbSet<Features.Kindergarten.Allocation.MunicipalQueueSettings> MunicipalQueueSettings => Set<Features.Kindergarten.Allocation.MunicipalQueueSettings>();

    public DbSet<Features.Kindergarten.Exchange.ExchangeAnnouncement> ExchangeAnnouncements => Set<Features.Kindergarten.Exchange.ExchangeAnnouncement>();

    public DbSet<Features.Kindergarten.Exchange.PlaceExchange> PlaceExchanges => Set<Features.Kindergarten.Exchange.PlaceExchange>();

    public DbSet<Features.Faq.FaqEntry> FaqEntries => Set<Features.Faq.FaqEntry>();

    public DbSet<Features.Diary.Subject> Subjects => Set<Features.Diary.Subject>();

    public DbSet<Features.Diary.WorkKind> WorkKinds => Set<Features.Diary.WorkKind>();

    public DbSet<Features.Diary.TeachingAssignment> TeachingAssignments => Set<Features.Diary.TeachingAssignment>();

    public DbSet<Features.Diary.Bell> Bells => Set<Features.Diary.Bell>();

    public DbSet<Features.Diary.TimetableSlot> TimetableSlots => Set<Features.Diary.TimetableSlot>();

    public DbSet<Features.Diary.TimetableChange> TimetableChanges => Set<Features.Diary.TimetableChange>();

    public DbSet<Features.Diary.Lesson> Lessons => Set<Features.Diary.Lesson>();

    public DbSet<Features.Diary.Homework> Homework => Set<Features.Diary.Homework>();

    public DbSet<Features.Diary.LessonFile> LessonFiles => Set<Features.Diary.LessonFile>();

    public DbSet<Features.Diary.Mark> Marks => Set<Features.Diary.Mark>();

    public DbSet<Features.Diary.MarkChange> MarkChanges => Set<Features.Diary.MarkChange>();

    public DbSet<Features.Diary.PeriodMark> PeriodMarks => Set<Features.Diary.PeriodMark>();

    public DbSet<Features.Diary.ClosedPeriod> ClosedPeriods => Set<Features.Diary.ClosedPeriod>();

    public DbSet<Features.Diary.ClassJournalVersion> ClassJournalVersions => Set<Features.Diary.ClassJournalVersion>();

    public DbSet<Features.Diary.LessonAttendance> Attendance => Set<Features.Diary.LessonAttendance>();

    public DbSet<Features.Diary.LessonComment> LessonComments => Set<Features.Diary.LessonComment>();

    public DbSet<Features.Diary.Digest.DigestRun> DigestRuns => Set<Features.Diary.Digest.DigestRun>();

    public DbSet<Features.Messages.MessageThread> MessageThreads => Set<Features.Messages.MessageThread>();

    public DbSet<Features.Messages.ThreadParticipant> ThreadParticipants => Set<Features.Messages.ThreadParticipant>();

    public DbSet<Features.Messages.Message> Messages => Set<Features.Messages.Message>();

    public DbSet<Features.Messages.MessageAttachment> MessageAttachments => Set<Features.Messages.MessageAttachment>();

    public DbSet<Features.Messages.MessageBroadcast> MessageBroadcasts => Set<Features.Messages.MessageBroadcast>();

    public DbSet<Features.CollegeAdmission.Speciality> Specialities => Set<Features.CollegeAdmission.Speciality>();

    public DbSet<Features.CollegeAdmission.CollegeApplication> CollegeApplications => Set<Features.CollegeAdmission.CollegeApplication>();

    public DbSet<Features.CollegeAdmission.CollegeDocument> CollegeDocuments => Set<Features.CollegeAdmission.CollegeDocument>();
    public DbSet<Features.Applications.Complaint> Complaints => Set<Features.Applications.Complaint>();

    public DbSet<Features.Applications.ComplaintEvent> ComplaintEvents => Set<Features.Applications.ComplaintEvent>();
    public DbSet<Features.AdditionalEducation.Certificates.CertificateApplication> CertificateApplications => Set<Features.AdditionalEducation.Certificates.CertificateApplication>();

    public DbSet<Features.AdditionalEducation.PfdoStatusChange> PfdoStatusChanges => Set<Features.AdditionalEducation.PfdoStatusChange>();

    public DbSet<Features.AdditionalEducation.Certificates.Certificate> Certificates => Set<Features.AdditionalEducation.Certificates.Certificate>();

    public DbSet<Features.AdditionalEducation.Certificates.CertificateBalance> CertificateBalances => Set<Features.AdditionalEducation.Certificates.CertificateBalance>();

    public DbSet<Features.AdditionalEducation.Certificates.CertificateNominal> CertificateNominals => Set<Features.AdditionalEducation.Certificates.CertificateNominal>();

    public DbSet<Features.AdditionalEducation.Certificates.LedgerEntry> CertificateLedger => Set<Features.AdditionalEducation.Certificates.LedgerEntry>();

    public DbSet<Features.AdditionalEducation.Catalogue.Programme> Programmes => Set<Features.AdditionalEducation.Catalogue.Programme>();

    public DbSet<Features.AdditionalEducation.Enrolments.ProgrammeEnrolment> ProgrammeEnrolments => Set<Features.AdditionalEducation.Enrolments.ProgrammeEnrolment>();
    public DbSet<Features.Enrollment.EnrollmentCampaign> EnrollmentCampaigns => Set<Features.Enrollment.EnrollmentCampaign>();

    public DbSet<Features.Enrollment.SchoolApplication> SchoolApplications => Set<Features.Enrollment.SchoolApplication>();

    public DbSet<Features.Enrollment.SchoolIntake> SchoolIntakes => Set<Features.Enrollment.SchoolIntake>();

    public DbSet<Features.Enrollment.Territories.SchoolTerritory> SchoolTerritories => Set<Features.Enrollment.Territories.SchoolTerritory>();

    public DbSet<Features.Enrollment.SubmissionKey> SchoolSubmissionKeys => Set<Features.Enrollment.SubmissionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        EmailModule.ConfigureModel(builder);
        AccountsModule.ConfigureModel(builder);
        FamiliesModule.ConfigureModel(builder);
        InstitutionsModule.ConfigureModel(builder);
        Features.Support.SupportModule.ConfigureModel(builder);
        Features.Notifications.NotificationsModule.ConfigureModel(builder);
        Features.Kindergarten.KindergartenModule.ConfigureModel(builder);
        Features.Faq.FaqModule.ConfigureModel(builder);
        Features.Diary.DiaryModule.ConfigureModel(builder);
        Features.Messages.MessagesModule.ConfigureModel(builder);
        Features.CollegeAdmission.CollegeAdmissionModule.ConfigureModel(builder);
        Features.Applications.ApplicationsModule.ConfigureModel(builder);
        Features.AdditionalEducation.AdditionalEducationModule.ConfigureModel(builder);
        Features.Enrollment.EnrollmentModule.ConfigureModel(builder);
        ConfigureCrossModuleKeys(builder);
    }

    /// <summary>
    /// Modules refer to each other's records by id only (no navigations), but the database still keeps
    /// those references valid. The keys are declared here, where all modules meet.
    /// </summary>
    private static void ConfigureCrossModuleKeys(ModelBuilder builder)
    {
        builder.Entity<Account>().HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<ChildLinkRequest>().HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<ChildLinkRequest>().HasOne<Account>().WithMany().HasForeignKey(r => r.RequestedByAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Notifications.Notification>().HasOne<Account>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Notifications.NotificationPreference>().HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Faq.FaqEntry>().HasOne<Account>().WithMany().HasForeignKey(f => f.UpdatedByAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<PersonalDataAccess>().HasOne<Account>().WithMany().HasForeignKey(a => a.ActorAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<RoleGrant>().HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Queue.QueueApplication>().HasOne<Person>().WithMany().HasForeignKey(a => a.ChildPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Queue.QueueApplication>().HasOne<Person>().WithMany().HasForeignKey(a => a.ApplicantPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Queue.QueueApplication>().HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Documents.ApplicationDocument>().HasOne<Account>().WithMany().HasForeignKey(d => d.UploadedByAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Queue.ApplicationChoice>().HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Allocation.Referral>().HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Allocation.Referral>().HasOne<KindergartenGroup>().WithMany().HasForeignKey(r => r.KindergartenGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Allocation.Referral>().HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Allocation.AllocationRun>().HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Allocation.MunicipalQueueSettings>().HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Exchange.ExchangeAnnouncement>().HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Exchange.ExchangeAnnouncement>().HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Exchange.ExchangeAnnouncement>().HasOne<KindergartenGroup>().WithMany().HasForeignKey(a => a.KindergartenGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Exchange.AnnouncementWish>().HasOne<Organisation>().WithMany().HasForeignKey(w => w.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Exchange.PlaceExchange>().HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Exchange.PlaceExchange>().HasOne<Account>().WithMany().HasForeignKey(x => x.ProposedByAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Exchange.ExchangeParticipant>().HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Kindergarten.Exchange.ExchangeParticipant>().HasOne<KindergartenGroup>().WithMany().HasForeignKey(p => p.KindergartenGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Accounts.Issuing.IssuedList>().HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Accounts.Roles.RoleRequest>().HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Accounts.Roles.RoleRequest>().HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<RoleGrant>().HasOne<Municipality>().WithMany().HasForeignKey(g => g.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Employee>().HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<ClassMembership>().HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<KindergartenPlacement>().HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Messages.MessageThread>().HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Messages.MessageThread>().HasOne<Person>().WithMany().HasForeignKey(t => t.StudentPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Messages.ThreadParticipant>().HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Applications.Complaint>().HasOne<Account>().WithMany().HasForeignKey(c => c.AuthorAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Applications.Complaint>().HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Applications.Complaint>().HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Applications.ComplaintEvent>().HasOne<Account>().WithMany().HasForeignKey(h => h.ByAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Enrollment.EnrollmentCampaign>().HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Enrollment.SchoolIntake>().HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<Features.Enrollment.Territories.SchoolTerritory>().HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<Features.Enrollment.SchoolApplication>().HasOne<Person>().WithMany().HasForeignKey(a => a.ChildPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Enrollment.SchoolApplication>().HasOne<Person>().WithMany().HasForeignKey(a => a.ApplicantPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Enrollment.SchoolApplication>().HasOne<Account>().WithMany().HasForeignKey(a => a.SubmittedByAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Enrollment.SchoolApplication>().HasOne<Organisation>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Enrollment.SchoolApplication>().HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.Messages.Message>().HasOne<Person>().WithMany().HasForeignKey(m => m.AuthorPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.CollegeAdmission.Speciality>().HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.CollegeAdmission.Speciality>().HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.CollegeAdmission.CollegeApplication>().HasOne<Person>().WithMany().HasForeignKey(a => a.EntrantPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Features.CollegeAdmission.CollegeApplication>().HasOne<Account>().WithMany().HasForeignKey(a => a.SubmittedByAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SqliteKabinetDbContext(DbContextOptions<SqliteKabinetDbContext> options) : KabinetDbContext(options);

public sealed class PostgresKabinetDbContext(DbContextOptions<PostgresKabinetDbContext> options) : KabinetDbContext(options);
