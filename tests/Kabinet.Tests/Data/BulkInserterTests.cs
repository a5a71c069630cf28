using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Tests.Data;

/// <summary>The bulk save a hot write path (the enrollment writer) uses instead of SaveChanges, on the provider under test.</summary>
public sealed class BulkInserterTests
{
    private static readonly DateTime Now = new(2027, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task New_rows_saved_in_bulk_read_back_as_EF_would_have_saved_them_with_keys_from_the_database()
    {
        await using var database = TestDatabase.Create();
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            using var transaction = db.Database.BeginTransaction();
            db.AddRange(Letter("a@example.ru", "Первое"), Letter("b@example.ru", "Второе", sentAt: Now.AddMinutes(1)));
            new BulkInserter(db).InsertAdded();
            Assert.Empty(db.ChangeTracker.Entries());
            transaction.Commit();
        }

        await using (var db = database.CreateContext())
        {
            var letters = await db.Set<OutboxMessage>().OrderBy(m => m.To).ToListAsync();
            Assert.Equal(["a@example.ru", "b@example.ru"], letters.Select(m => m.To));
            Assert.All(letters, m => Assert.True(m.Id > 0));
            Assert.NotEqual(letters[0].Id, letters[1].Id);
            Assert.Equal("Первое", letters[0].Subject);
            Assert.Equal(OutboxChannel.Email, letters[0].Channel);
            Assert.Equal(Now, letters[0].NextAttemptAt);
            Assert.Null(letters[0].SentAt);
            Assert.Null(letters[0].ToName);
            Assert.Equal(Now.AddMinutes(1), letters[1].SentAt);

            // The database's own identity goes on after the rows: EF's next insert gets a new key.
            db.Add(Letter("c@example.ru", "Третье"));
            await db.SaveChangesAsync();
            Assert.Equal(3, await db.Set<OutboxMessage>().Select(m => m.Id).Distinct().CountAsync());
        }
    }

    [Fact]
    public async Task A_row_refused_by_a_unique_key_is_a_unique_violation_and_the_transaction_keeps_nothing_of_the_call()
    {
        await using var database = TestDatabase.Create();
        long taken;
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var first = Letter("a@example.ru", "Первое");
            db.Add(first);
            await db.SaveChangesAsync();
            taken = first.Id;
        }

        await using (var db = database.CreateContext())
        {
            using var transaction = db.Database.BeginTransaction();
            var fresh = Letter("b@example.ru", "Новое");
            fresh.Id = taken + 100;
            var twin = Letter("c@example.ru", "Двойник");
            twin.Id = taken;
            db.AddRange(fresh, twin);
            var error = Assert.ThrowsAny<Exception>(() => new BulkInserter(db).InsertAdded());
            Assert.True(DbExceptions.IsUniqueViolation(error), error.ToString());
            Assert.False(DbExceptions.IsUnavailable(error));
            transaction.Rollback();
        }

        await using (var db = database.CreateContext())
            Assert.Equal(["a@example.ru"], await db.Set<OutboxMessage>().Select(m => m.To).ToListAsync());
    }

    [Fact]
    public async Task Changed_rows_are_not_saved_in_bulk()
    {
        await using var database = TestDatabase.Create();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var letter = Letter("a@example.ru", "Первое");
        db.Add(letter);
        await db.SaveChangesAsync();

        letter.Subject = "Изменённое";
        db.Add(Letter("b@example.ru", "Второе"));
        Assert.Throws<InvalidOperationException>(() => new BulkInserter(db).InsertAdded());
    }

    private static OutboxMessage Letter(string to, string subject, DateTime? sentAt = null) => new()
    {
        Kind = "test", To = to, Subject = subject, TextBody = "Текст письма", CreatedAt = Now, NextAttemptAt = Now, SentAt = sentAt,
    };
}
