using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary;

/// <summary>The electronic diary: the school year's structure (subjects, weights, assignments, bells, timetable and its changes).</summary>
internal static class DiaryModule
{
    public static void AddDiary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ClassLessons>();
        builder.Services.AddScoped<DiaryDirectory>();
        builder.Services.AddSingleton<Digest.DiaryDigest>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Digest.DiaryDigest>());
        builder.Services.AddScoped<Admin.SchoolStructure>();
        builder.Services.AddScoped<Import.TimetableImport>();
        builder.Services.AddScoped<Family.FamilyDiary>();
        builder.Services.AddSingleton<Family.DiaryCache>();
        builder.Services.AddScoped<Journal.JournalAccess>();
        builder.Services.AddScoped<Journal.JournalData>();
        builder.Services.AddScoped<Journal.JournalVersions>();
        builder.Services.AddScoped<Journal.JournalNotices>();
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Subject>(e =>
        {
            e.ToTable("diary_subjects");
            e.Property(s => s.Name).HasMaxLength(Subject.MaxNameLength);
            e.Property(s => s.ShortName).HasMaxLength(Subject.MaxShortNameLength);
            e.Property(s => s.ResultKind).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(s => new { s.OrganisationId, s.Name }).IsUnique();
        });

        model.Entity<WorkKind>(e =>
        {
            e.ToTable("diary_work_kinds");
            e.Property(k => k.Name).HasMaxLength(WorkKind.MaxNameLength);
            e.HasIndex(k => new { k.OrganisationId, k.Name }).IsUnique();
        });

        model.Entity<TeachingAssignment>(e =>
        {
            e.ToTable("diary_teaching_assignments");
            e.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.ClassGroupId, a.SubjectId, a.EmployeeId }).IsUnique();
            e.HasIndex(a => new { a.OrganisationId, a.AcademicYearId });
            e.HasIndex(a => new { a.EmployeeId, a.AcademicYearId });
        });

        model.Entity<Bell>(e =>
        {
            e.ToTable("diary_bells");
            e.HasIndex(b => new { b.OrganisationId, b.Number }).IsUnique();
        });

        model.Entity<TimetableSlot>(e =>
        {
            e.ToTable("diary_timetable_slots");
            e.Property(s => s.Room).HasMaxLength(TimetableSlot.MaxRoomLength);
            e.HasOne<Subject>().WithMany().HasForeignKey(s => s.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.ClassGroupId, s.Day, s.LessonNumber, s.ValidFrom });
            // Teacher conflicts and the teacher's own timetable.
            e.HasIndex(s => new { s.EmployeeId, s.Day, s.LessonNumber });
            e.HasIndex(s => new { s.OrganisationId, s.AcademicYearId });
        });

        model.Entity<TimetableChange>(e =>
        {
            e.ToTable("diary_timetable_changes");
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Room).HasMaxLength(TimetableSlot.MaxRoomLength);
            e.Property(c => c.Reason).HasMaxLength(TimetableChange.MaxReasonLength);
            e.HasOne<Subject>().WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.ClassGroupId, c.Date, c.LessonNumber }).IsUnique();
            e.HasIndex(c => new { c.OrganisationId, c.Date });
        });
        model.Entity<Digest.DigestRun>(e =>
        {
            e.ToTable("diary_digest_runs");
            e.HasKey(r => r.Day);
        });

        model.Entity<Lesson>(e =>
        {
            e.ToTable("diary_lessons");
            e.Property(l => l.Topic).HasMaxLength(Lesson.MaxTopicLength);
            e.HasOne<Subject>().WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.ClassGroupId, l.Date, l.Number }).IsUnique();
            // The journal of a class and subject, and a teacher's lessons.
            e.HasIndex(l => new { l.ClassGroupId, l.SubjectId, l.Date });
            e.HasIndex(l => new { l.EmployeeId, l.Date });
        });

        model.Entity<Homework>(e =>
        {
            e.ToTable("diary_homework");
            e.Property(h => h.Text).HasMaxLength(Homework.MaxTextLength);
            e.HasOne<Lesson>().WithMany().HasForeignKey(h => h.LessonId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(h => h.LessonId).IsUnique();
            e.HasIndex(h => new { h.ClassGroupId, h.DueOn });
        });

        model.Entity<LessonFile>(e =>
        {
            e.ToTable("diary_lesson_files");
            e.Property(f => f.Purpose).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.FileName).HasMaxLength(Common.Files.FileNames.MaxLength);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.StorageKey).HasMaxLength(64);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.HasOne<Lesson>().WithMany().HasForeignKey(f => f.LessonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(f => f.LessonId);
            e.HasIndex(f => new { f.ClassGroupId, f.Purpose });
        });

        model.Entity<Mark>(e =>
        {
            e.ToTable("diary_marks");
            e.Property(m => m.Value).HasConversion<int>();
            e.HasOne<Lesson>().WithMany().HasForeignKey(m => m.LessonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<WorkKind>().WithMany().HasForeignKey(m => m.WorkKindId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => m.LessonId);
            // A student's marks for a week or a period; a class's marks in a subject.
            e.HasIndex(m => new { m.StudentPersonId, m.Date });
            e.HasIndex(m => new { m.ClassGroupId, m.SubjectId, m.Date });
        });

        model.Entity<MarkChange>(e =>
        {
            e.ToTable("diary_mark_changes");
            e.Property(c => c.OldValue).HasConversion<int?>();
            e.Property(c => c.NewValue).HasConversion<int?>();
            e.Property(c => c.Reason).HasMaxLength(MarkChange.MaxReasonLength);
            e.HasIndex(c => c.MarkId);
            e.HasIndex(c => c.PeriodMarkId);
            e.HasIndex(c => new { c.StudentPersonId, c.ChangedAt });
        });

        model.Entity<PeriodMark>(e =>
        {
            e.ToTable("diary_period_marks");
            e.Property(m => m.Value).HasConversion<int>();
            e.HasIndex(m => new { m.StudentPersonId, m.AcademicYearId, m.SubjectId, m.PeriodNumber }).IsUnique();
            e.HasIndex(m => new { m.ClassGroupId, m.SubjectId });
        });

        model.Entity<ClosedPeriod>(e =>
        {
            e.ToTable("diary_closed_periods");
            e.HasIndex(p => new { p.AcademicYearId, p.PeriodNumber }).IsUnique();
            e.HasIndex(p => p.OrganisationId);
        });

        model.Entity<ClassJournalVersion>(e =>
        {
            e.ToTable("diary_class_versions");
            e.HasKey(v => v.ClassGroupId);
            e.Property(v => v.ClassGroupId).ValueGeneratedNever();
        });

        model.Entity<LessonAttendance>(e =>
        {
            e.ToTable("diary_attendance");
            e.Property(a => a.Code).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Lesson>().WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.LessonId, a.StudentPersonId }).IsUnique();
            e.HasIndex(a => new { a.StudentPersonId, a.Date });
        });

        model.Entity<LessonComment>(e =>
        {
            e.ToTable("diary_lesson_comments");
            e.Property(c => c.Text).HasMaxLength(LessonComment.MaxTextLength);
            e.HasOne<Lesson>().WithMany().HasForeignKey(c => c.LessonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.LessonId, c.StudentPersonId }).IsUnique();
            e.HasIndex(c => new { c.StudentPersonId, c.Date });
        });
    }
}
