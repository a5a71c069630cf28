using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary;

/// <summary>The electronic diary: the school year's structure (subjects, weights, assignments, bells, timetable and its changes).</summary>
internal static class DiaryModule
{
    public static void AddDiary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ClassLessons>();
        builder.Services.AddScoped<Admin.SchoolStructure>();
        builder.Services.AddScoped<Import.TimetableImport>();
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
    }
}
