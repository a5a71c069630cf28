using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Diary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kabinet.Tests.Diary.DiaryTestData;

namespace Kabinet.Tests.Diary;

/// <summary>A school administrator keeps the year's structure: subjects, weights, bells, assignments, the timetable and its changes.</summary>
public sealed class SchoolStructureTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task The_admin_adds_a_subject_and_the_same_name_again_is_refused_next_to_the_field()
    {
        var org = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var url = $"/school/{org}/subjects";

        var added = await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Name"] = "Астрономия", ["ShortName"] = "Астр.", ["ResultKind"] = "Marks" }, handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Астрономия", (await admin.GetPageAsync(url)).Text("#subjects"), StringComparison.Ordinal);

        var again = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Name"] = " астрономия ", ["ResultKind"] = "PassFail" }, handler: "Add"));
        Assert.Contains("уже есть", again.Text("#Name-error"), StringComparison.Ordinal);
        var empty = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Name"] = "", ["ResultKind"] = "Bogus" }, handler: "Add"));
        Assert.Contains("Укажите название", empty.Text("#Name-error"), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(app, db => db.Subjects.CountAsync(s => s.OrganisationId == org && s.Name.StartsWith("Астрономия"))));

        var used = await SubjectAsync(app, org, "Математика");
        var refused = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["id"] = used.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "Delete"));
        Assert.Contains("сначала уберите", refused.Text($"#delete-{used}-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weights_are_saved_together_and_a_weight_out_of_range_saves_none()
    {
        var org = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var url = $"/school/{org}/work-kinds";
        var kinds = await QueryAsync(app, db => db.WorkKinds.Where(k => k.OrganisationId == org).OrderBy(k => k.SortOrder).ToListAsync());
        Assert.Equal(3, kinds.Single(k => k.Name == "Контрольная работа").Weight);

        var bad = kinds.ToDictionary(k => $"weight-{k.Id}", _ => "1");
        bad[$"weight-{kinds[0].Id}"] = "11";
        var refused = await PageOfAsync(await admin.SubmitFormAsync(url, bad, handler: "Weights"));
        Assert.Contains("от 1 до 10", refused.Text($"#weight-{kinds[0].Id}-error"), StringComparison.Ordinal);
        Assert.Equal(3, await QueryAsync(app, db => db.WorkKinds.Where(k => k.OrganisationId == org && k.Name == "Контрольная работа").Select(k => k.Weight).SingleAsync()));

        var unweighted = kinds.ToDictionary(k => $"weight-{k.Id}", _ => "1");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, unweighted, handler: "Weights")).StatusCode);
        Assert.All(await QueryAsync(app, db => db.WorkKinds.Where(k => k.OrganisationId == org).ToListAsync()), k => Assert.Equal(1, k.Weight));
        kinds = await QueryAsync(app, db => db.WorkKinds.Where(k => k.OrganisationId == org).OrderBy(k => k.SortOrder).ToListAsync());
        await admin.SubmitFormAsync(url, kinds.ToDictionary(k => $"weight-{k.Id}", k => k.Name == "Контрольная работа" ? "3" : "1"), handler: "Weights");
    }

    [Fact]
    public async Task A_school_without_kinds_of_work_gets_the_usual_ones_on_first_use()
    {
        var school = await QueryAsync(app, db => db.Organisations.Where(o => o.Kind == Kabinet.Web.Features.Institutions.OrganisationKind.School).OrderBy(o => o.Id).Select(o => o.Id).Skip(1).FirstAsync());
        var region = await app.SignedInAsync("demo.region");

        var page = await region.GetPageAsync($"/school/{school}/work-kinds");

        Assert.Contains("Самостоятельная работа", page.Text("#work-kinds"), StringComparison.Ordinal);
        Assert.Equal(WorkKind.Defaults(school).Count, await QueryAsync(app, db => db.WorkKinds.CountAsync(k => k.OrganisationId == school)));
    }

    [Fact]
    public async Task A_bell_schedule_with_overlapping_lessons_or_dropping_lessons_in_use_is_refused_and_a_good_one_saved()
    {
        var org = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var url = $"/school/{org}/bells";
        var before = await QueryAsync(app, db => db.Bells.Where(b => b.OrganisationId == org).OrderBy(b => b.Number).Select(b => b.EndsAt).ToListAsync());

        var overlapping = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Start-1"] = "08:00", ["End-1"] = "08:45", ["Start-2"] = "08:40", ["End-2"] = "09:20",
        }));
        Assert.Contains("Урок 2 начинается раньше", overlapping.Text("#Start-2-error"), StringComparison.Ordinal);

        var halfFilled = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Start-1"] = "08:00", ["End-1"] = "" }));
        Assert.Contains("конец урока 1", halfFilled.Text("#End-1-error"), StringComparison.Ordinal);

        // 5А has six lessons on Monday: the schedule cannot shrink to three.
        var shrunk = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Start-1"] = "08:00", ["End-1"] = "08:40", ["Start-2"] = "08:50", ["End-2"] = "09:30", ["Start-3"] = "09:40", ["End-3"] = "10:20",
        }));
        Assert.Contains("6-й урок", shrunk.Text("#Start-6-error"), StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(app, db => db.Bells.Where(b => b.OrganisationId == org).OrderBy(b => b.Number).Select(b => b.EndsAt).ToListAsync()));

        var times = new Dictionary<string, string>();
        for (var n = 1; n <= 8; n++)
        {
            times[$"Start-{n}"] = $"{7 + n:00}:30";
            times[$"End-{n}"] = $"{8 + n:00}:10";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, times)).StatusCode);
        var saved = await QueryAsync(app, db => db.Bells.Where(b => b.OrganisationId == org).OrderBy(b => b.Number).ToListAsync());
        Assert.Equal(8, saved.Count);
        Assert.Equal(new TimeOnly(15, 30), saved[^1].StartsAt);
        Assert.Equal("15:30", (await admin.GetPageAsync(url)).QuerySelector("#Start-8")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_admin_assigns_teachers_and_places_lessons_but_two_lessons_in_one_cell_or_a_teacher_in_two_classes_are_refused()
    {
        var org = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var (sixth, seventh) = (await ClassAsync(app, org, "6А"), await ClassAsync(app, org, "7А"));
        var teachers = await TeachersAsync(app, org);
        var (maths, literature) = (await SubjectAsync(app, org, "Математика"), await SubjectAsync(app, org, "Литература"));
        var (teacher, other) = (teachers[3], teachers[4]);
        var assignments = $"/school/{org}/assignments";

        foreach (var (classId, subject, employee) in new[] { (sixth, maths, teacher), (seventh, maths, teacher), (sixth, literature, other) })
        {
            var response = await admin.SubmitFormAsync(assignments, new Dictionary<string, string>
            {
                ["ClassGroupId"] = $"{classId}", ["SubjectId"] = $"{subject}", ["EmployeeId"] = $"{employee.EmployeeId}",
            }, handler: "Add");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var twice = await PageOfAsync(await admin.SubmitFormAsync(assignments, new Dictionary<string, string>
        {
            ["ClassGroupId"] = $"{sixth}", ["SubjectId"] = $"{maths}", ["EmployeeId"] = $"{teacher.EmployeeId}",
        }, handler: "Add"));
        Assert.Contains("уже ведёт", twice.Text("#EmployeeId-error"), StringComparison.Ordinal);
        Assert.Contains($"Математика — {teacher.FullName}", (await admin.GetPageAsync($"{assignments}?class={sixth}")).Text($"#assignments-{sixth}"), StringComparison.Ordinal);

        var classTeacher = await admin.SubmitFormAsync(assignments, new Dictionary<string, string> { ["classGroupId"] = $"{sixth}", ["employeeId"] = $"{teacher.EmployeeId}" }, handler: "ClassTeacher");
        Assert.Equal(HttpStatusCode.Redirect, classTeacher.StatusCode);
        Assert.Equal(teacher.EmployeeId, await QueryAsync(app, db => db.ClassGroups.Where(c => c.Id == sixth).Select(c => c.ClassTeacherId).SingleAsync()));

        var year = await YearAsync(app, org);
        var ids = await QueryAsync(app, db => db.TeachingAssignments.Where(a => a.ClassGroupId == sixth || a.ClassGroupId == seventh).ToListAsync());
        string Assignment(int classId, int subject) => $"{ids.Single(a => a.ClassGroupId == classId && a.SubjectId == subject).Id}";
        Dictionary<string, string> Lesson(int classId, int subject, bool replace = false) => new()
        {
            ["class"] = $"{classId}", ["Day"] = "1", ["LessonNumber"] = "1", ["AssignmentId"] = Assignment(classId, subject), ["Room"] = "14",
            ["ValidFrom"] = Iso(year.StartsOn), ["ValidTo"] = Iso(year.EndsOn), ["Replace"] = replace ? "true" : "false",
        };

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/school/{org}/timetable?class={sixth}", Lesson(sixth, maths), handler: "Save")).StatusCode);
        var grid = await admin.GetPageAsync($"/school/{org}/timetable?class={sixth}&week={Iso(year.StartsOn.AddDays(7))}");
        Assert.Contains("Математика", grid.Text("#cell-1-1"), StringComparison.Ordinal);
        Assert.Contains("каб. 14", grid.Text("#cell-1-1"), StringComparison.Ordinal);

        var busy = await PageOfAsync(await admin.SubmitFormAsync($"/school/{org}/timetable?class={seventh}", Lesson(seventh, maths), handler: "Save"));
        Assert.Contains("ведёт урок в классе 6А", busy.Text("#AssignmentId-error"), StringComparison.Ordinal);
        Assert.Empty(await SlotsOfAsync(app, seventh));

        var taken = await PageOfAsync(await admin.SubmitFormAsync($"/school/{org}/timetable?class={sixth}", Lesson(sixth, literature), handler: "Save"));
        Assert.Contains("уже есть урок", taken.Text("#LessonNumber-error"), StringComparison.Ordinal);
        Assert.Equal(maths, Assert.Single(await SlotsOfAsync(app, sixth)).SubjectId);

        // Replacing the cell from a later date keeps the earlier weeks as they were.
        var from = year.StartsOn.AddDays(14);
        var replace = Lesson(sixth, literature, replace: true);
        replace["ValidFrom"] = Iso(from);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/school/{org}/timetable?class={sixth}", replace, handler: "Save")).StatusCode);
        var slots = await SlotsOfAsync(app, sixth);
        Assert.Equal([(maths, year.StartsOn, from.AddDays(-1)), (literature, from, year.EndsOn)], slots.Select(s => (s.SubjectId, s.ValidFrom, s.ValidTo)));

        // Now Monday's first lesson of the teacher is free from that date: 7А may have it then.
        var later = Lesson(seventh, maths);
        later["ValidFrom"] = Iso(from);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/school/{org}/timetable?class={seventh}", later, handler: "Save")).StatusCode);

        var outside = Lesson(seventh, maths, replace: true);
        outside["ValidTo"] = Iso(year.EndsOn.AddDays(1));
        var refused = await PageOfAsync(await admin.SubmitFormAsync($"/school/{org}/timetable?class={seventh}", outside, handler: "Save"));
        Assert.Contains("внутри учебного года", refused.Text("#ValidFrom-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_cancels_and_replaces_lessons_of_a_date_and_the_lessons_of_the_day_show_it()
    {
        var org = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var fifth = await ClassAsync(app, org, "5А");
        var date = await StudyWeekdayAsync(app, org, DayOfWeek.Tuesday);
        var url = $"/school/{org}/changes?date={Iso(date)}&class={fifth}";
        var teachers = await TeachersAsync(app, org);
        var planned = await SlotsOfAsync(app, fifth);
        var substitute = teachers.First(t => planned.All(s => s.EmployeeId != t.EmployeeId));
        // The parent has the week open (and cached) before the change: the change reaches the diary on the next request.
        var parent = await app.SignedInAsync("demo.roditel");
        var pupil = await QueryAsync(app, db => db.ClassMemberships.Where(m => m.ClassGroupId == fifth).Join(db.FamilyLinks.Join(db.Users.Where(u => u.UserName == "demo.roditel"), l => l.GuardianId, u => u.PersonId, (l, _) => l.ChildId), m => m.PersonId, c => c, (m, _) => m.PersonId).FirstAsync());
        var week = $"/diary/{pupil}?week={Iso(date)}";
        Assert.DoesNotContain("Урок отменён", (await parent.GetPageAsync(week)).Body!.TextContent, StringComparison.Ordinal);

        var noReason = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["LessonNumber"] = "1", ["Kind"] = "Cancellation", ["Reason"] = "" }, handler: "Add"));
        Assert.Contains("Напишите причину", noReason.Text("#Reason-error"), StringComparison.Ordinal);
        var noLesson = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["LessonNumber"] = "7", ["Kind"] = "Cancellation", ["Reason"] = "x" }, handler: "Add"));
        Assert.Contains("стоит в расписании", noLesson.Text("#LessonNumber-error"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["LessonNumber"] = "1", ["Kind"] = "Cancellation", ["Reason"] = "карантин" }, handler: "Add")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["LessonNumber"] = "2", ["Kind"] = "Replacement", ["EmployeeId"] = $"{substitute.EmployeeId}", ["Reason"] = "болезнь учителя",
        }, handler: "Add")).StatusCode);

        var again = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["LessonNumber"] = "1", ["Kind"] = "Cancellation", ["Reason"] = "ещё раз" }, handler: "Add"));
        Assert.Contains("уже есть изменение", again.Text("#LessonNumber-error"), StringComparison.Ordinal);

        var lessons = (await admin.GetPageAsync(url)).QuerySelectorAll("#lessons tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("отменён: карантин", lessons[0], StringComparison.Ordinal);
        Assert.Contains(substitute.FullName, lessons[1], StringComparison.Ordinal);
        Assert.Contains("замена", lessons[1], StringComparison.Ordinal);
        Assert.Contains("Урок отменён: карантин", (await parent.GetPageAsync(week)).Body!.TextContent, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var expanded = await scope.ServiceProvider.GetRequiredService<ClassLessons>().ForClassAsync(org, fifth, date, date.AddDays(7), CancellationToken.None);
        Assert.True(expanded[0].Lesson.Cancelled);
        Assert.Equal(substitute.EmployeeId, expanded[1].Lesson.EmployeeId);
        Assert.All(expanded.Where(l => l.Lesson.Date != date), l => Assert.False(l.Lesson.Cancelled || l.Lesson.Replaced));
    }

    [Fact]
    public async Task The_same_teacher_cannot_replace_a_lesson_while_teaching_another_class()
    {
        var org = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var fifth = await ClassAsync(app, org, "5А");
        var date = await StudyWeekdayAsync(app, org, DayOfWeek.Thursday);
        var planned = await SlotsOfAsync(app, fifth);
        var busyTeacher = planned.Single(s => s.Day == DayOfWeek.Thursday && s.LessonNumber == 3).EmployeeId;
        var eleventh = await ClassAsync(app, org, "11А");

        // 11А's third lesson on Thursday is planned with no teacher; a teacher of 5А at that time cannot replace there.
        var subject = await SubjectAsync(app, org, "История");
        await QueryAsync(app, async db =>
        {
            db.TeachingAssignments.Add(new TeachingAssignment { OrganisationId = org, AcademicYearId = planned[0].AcademicYearId, ClassGroupId = eleventh, SubjectId = subject, EmployeeId = (await TeachersAsync(app, org))[^1].EmployeeId });
            db.TimetableSlots.Add(new TimetableSlot
            {
                OrganisationId = org, AcademicYearId = planned[0].AcademicYearId, ClassGroupId = eleventh, Day = DayOfWeek.Thursday, LessonNumber = 3,
                SubjectId = subject, EmployeeId = (await TeachersAsync(app, org))[^1].EmployeeId, ValidFrom = date, ValidTo = date,
            });
            return await db.SaveChangesAsync();
        });

        var refused = await PageOfAsync(await admin.SubmitFormAsync($"/school/{org}/changes?date={Iso(date)}&class={eleventh}", new Dictionary<string, string>
        {
            ["LessonNumber"] = "3", ["Kind"] = "Replacement", ["EmployeeId"] = $"{busyTeacher}", ["Reason"] = "болезнь",
        }, handler: "Add"));

        Assert.Contains("в классе 5А", refused.Text("#EmployeeId-error"), StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.TimetableChanges.AnyAsync(c => c.ClassGroupId == eleventh)));
    }

    [Fact]
    public async Task The_admin_renames_a_subject_but_not_to_the_name_of_another()
    {
        var org = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var music = await SubjectAsync(app, org, "Музыка");
        var url = $"/school/{org}/subjects?edit={music}";
        Assert.Equal("Музыка", (await admin.GetPageAsync(url)).QuerySelector("#Name")!.GetAttribute("value"));

        var clash = await PageOfAsync(await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["edit"] = $"{music}", ["Name"] = "математика", ["ResultKind"] = "Marks" }, handler: "Edit"));
        Assert.Contains("уже есть", clash.Text("#Name-error"), StringComparison.Ordinal);

        var renamed = await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["edit"] = $"{music}", ["Name"] = "Музыка и пение", ["ShortName"] = "Муз.", ["ResultKind"] = "PassFail" }, handler: "Edit");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var subject = await QueryAsync(app, db => db.Subjects.SingleAsync(s => s.Id == music));
        Assert.Equal(("Музыка и пение", "Муз.", ResultKind.PassFail), (subject.Name, subject.ShortName, subject.ResultKind));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/school/{org}/subjects?edit=999999")).StatusCode);
    }

    [Fact]
    public async Task Removing_a_lesson_from_a_date_keeps_the_weeks_before()
    {
        var org = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var fifth = await ClassAsync(app, org, "5А");
        var year = await YearAsync(app, org);
        var from = await StudyWeekdayAsync(app, org, DayOfWeek.Wednesday);
        var before = (await SlotsOfAsync(app, fifth)).Single(s => s.Day == DayOfWeek.Wednesday && s.LessonNumber == 6);

        var removed = await admin.SubmitFormAsync($"/school/{org}/timetable?class={fifth}", new Dictionary<string, string>
        {
            ["class"] = $"{fifth}", ["Day"] = "3", ["LessonNumber"] = "6", ["ValidFrom"] = Iso(from), ["ValidTo"] = Iso(year.EndsOn),
        }, handler: "Remove");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = (await SlotsOfAsync(app, fifth)).Single(s => s.Day == DayOfWeek.Wednesday && s.LessonNumber == 6);
        Assert.Equal((before.ValidFrom, from.AddDays(-1)), (after.ValidFrom, after.ValidTo));
        await using var scope = app.Services.CreateAsyncScope();
        var lessons = await scope.ServiceProvider.GetRequiredService<ClassLessons>().ForClassAsync(org, fifth, from.AddDays(-7), from, CancellationToken.None);
        if (year.IsStudyDay(from.AddDays(-7)))
            Assert.Equal(6, lessons.Count(l => l.Lesson.Date == from.AddDays(-7)));
        Assert.Equal(5, lessons.Count(l => l.Lesson.Date == from));
    }
}
