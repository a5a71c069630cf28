using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kabinet.Web.Data;

/// <summary>
/// Inserts many rows fast with multi-row parameterised INSERTs, reading tables, columns and value
/// conversions from the EF model so that rows look exactly as if EF had saved them. PostgreSQL gets binary COPY.
/// <see cref="InsertAsync"/> takes ids as given, for seeding and imports; <see cref="InsertAdded"/> saves what a
/// hot write path put in the context, one statement per table instead of one per row.
/// </summary>
internal sealed class BulkInserter(KabinetDbContext db)
{
    private const int MaxParametersPerCommand = 30_000;

    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
            return;

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = Table(entityType);
        var columns = Columns(entityType, withKey: true);
        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync(CopyHead(table, columns), ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    if (column.Value(row) is { } value)
                        await importer.WriteAsync(value, column.StoreType, ct);
                    else
                        await importer.WriteNullAsync(ct);
                }
            }

            await importer.CompleteAsync(ct);
            return;
        }

        // SQLite binds parameters by name with a linear scan, so it gets one prepared single-row
        // statement run per row (its fastest path); PostgreSQL gets multi-row statements with
        // positional ($n) parameters, one round trip per thousand rows.
        var rowsPerCommand = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(1_000, MaxParametersPerCommand / columns.Length));
        DbCommand? full = null;
        try
        {
            for (var offset = 0; offset < rows.Count; offset += rowsPerCommand)
            {
                var count = Math.Min(rowsPerCommand, rows.Count - offset);
                DbCommand command;
                if (count == rowsPerCommand && full is not null)
                {
                    command = full;
                }
                else
                {
                    command = CreateCommand(table, columns, count);
                    if (count == rowsPerCommand)
                        full = command;
                }

                Bind(command, columns, rows, offset, count);
                await command.ExecuteNonQueryAsync(ct);
                if (command != full)
                    await command.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
    }

    /// <summary>
    /// Saves every entity the context tracks as Added, principals before dependents, with one binary COPY per table on
    /// PostgreSQL and one prepared single-row INSERT run per row on SQLite, in the context's transaction; then stops
    /// tracking them. Synchronous, for a writer on its own thread. A key the database generates (identity) is left to it
    /// and not read back, so nothing may refer to such a key in the same call; explicit keys are written as given. A
    /// broken constraint surfaces as the provider's exception (<see cref="DbExceptions.IsUniqueViolation"/>).
    /// </summary>
    public void InsertAdded()
    {
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State != EntityState.Added))
            throw new InvalidOperationException("InsertAdded saves only new entities: the context tracks changed or deleted ones too.");

        var groups = entries.GroupBy(e => e.Metadata).ToList();
        foreach (var group in PrincipalsFirst(groups))
        {
            var entityType = group.Key;
            var key = entityType.FindPrimaryKey()!.Properties;
            var generated = key.Count == 1 && group.First().Property(key[0].Name).IsTemporary;
            foreach (var entry in group)
            {
                if (entry.Properties.Any(p => p.IsTemporary && !(generated && p.Metadata == key[0])))
                    throw new InvalidOperationException($"{entityType.DisplayName()}: a key or reference is not known yet, so the row cannot be written in bulk.");
            }

            var table = Table(entityType);
            var columns = Columns(entityType, withKey: !generated);
            var rows = group.Select(e => e.Entity).ToList();
            if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
            {
                using var importer = npgsql.BeginBinaryImport(CopyHead(table, columns));
                foreach (var row in rows)
                {
                    importer.StartRow();
                    foreach (var column in columns)
                    {
                        if (column.Value(row) is { } value)
                            importer.Write(value, column.StoreType);
                        else
                            importer.WriteNull();
                    }
                }

                importer.Complete();
                continue;
            }

            using var command = CreateCommand(table, columns, 1);
            for (var r = 0; r < rows.Count; r++)
            {
                Bind(command, columns, rows, r, 1);
                command.ExecuteNonQuery();
            }
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>The groups in an order where each entity type comes after the types its foreign keys point to.</summary>
    private static IEnumerable<IGrouping<IEntityType, EntityEntry>> PrincipalsFirst(List<IGrouping<IEntityType, EntityEntry>> groups)
    {
        var left = groups.ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(g => !g.Key.GetForeignKeys().Any(fk => fk.PrincipalEntityType != g.Key && left.Any(o => o.Key == fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("The new entities refer to each other in a cycle.");
            left.Remove(next);
            yield return next;
        }
    }

    private static StoreObjectIdentifier Table(IEntityType entityType) => StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());

    /// <summary>The mapped columns of an entity type, with or without its key (left to the database to generate).</summary>
    private static Column[] Columns(IEntityType entityType, bool withKey)
    {
        var table = Table(entityType);
        if (entityType.GetProperties().Any(p => p.IsShadowProperty() && p.GetColumnName(table) is not null))
            throw new InvalidOperationException($"{entityType.DisplayName()} has shadow properties, which are not written in bulk.");
        var key = entityType.FindPrimaryKey()!.Properties;
        return entityType.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && (withKey || !key.Contains(p)))
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetGetter()))
            .ToArray();
    }

    private string CopyHead(StoreObjectIdentifier table, Column[] columns)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        return $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY)";
    }

    private static void Bind<T>(DbCommand command, Column[] columns, IReadOnlyList<T> rows, int offset, int count)
        where T : class
    {
        var parameterIndex = 0;
        for (var r = 0; r < count; r++)
        {
            foreach (var column in columns)
                command.Parameters[parameterIndex++].Value = column.Value(rows[offset + r]) ?? DBNull.Value;
        }
    }

    /// <summary>A column to write: its name, its mapping and how to read the value from an entity.</summary>
    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
    {
        public string StoreType => Mapping.StoreTypeNameBase;

        /// <summary>The value as the database stores it (after the property's value conversion).</summary>
        public object? Value(object row)
        {
            var value = Getter.GetClrValueUsingContainingEntity(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }

    /// <summary>
    /// Drops the secondary indexes of the entities' tables and returns the statements that build them again: loading
    /// millions of rows and then building each index once in order is much faster than keeping them up to date row by row.
    /// </summary>
    public async Task<IReadOnlyList<string>> DropIndexesAsync(IEnumerable<Type> entities, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var recreate = new List<string>();
        var connection = db.Database.GetDbConnection();
        foreach (var type in entities)
        {
            var tableName = db.Model.FindEntityType(type)!.GetTableName()!;
            var indexes = new List<(string Name, string Definition)>();
            await using (var query = connection.CreateCommand())
            {
                query.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                query.CommandText = db.Database.IsSqlite()
                    ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = @table"
                    : "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table " +
                      "AND indexname NOT IN (SELECT conname FROM pg_constraint)";
                var parameter = query.CreateParameter();
                parameter.ParameterName = "table";
                parameter.Value = tableName;
                query.Parameters.Add(parameter);
                await using var reader = await query.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
            }

            foreach (var (name, definition) in indexes)
            {
#pragma warning disable EF1002 // names come from the database's own catalogue
                await db.Database.ExecuteSqlRawAsync($"DROP INDEX {sql.DelimitIdentifier(name)}", ct);
#pragma warning restore EF1002
                recreate.Add(definition);
            }
        }

        return recreate;
    }

    /// <summary>Runs statements <see cref="DropIndexesAsync"/> returned.</summary>
    public async Task RecreateIndexesAsync(IReadOnlyList<string> statements, CancellationToken ct)
    {
        foreach (var statement in statements)
            await db.Database.ExecuteSqlRawAsync(statement, ct);
    }

    private DbCommand CreateCommand(StoreObjectIdentifier table, Column[] columns, int rowCount)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var positional = !db.Database.IsSqlite();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 600;
        var text = new StringBuilder($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ");
        var index = 0;
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < columns.Length; c++)
            {
                index++;
                if (c > 0)
                    text.Append(',');
                var placeholder = positional ? "$" + index : "@p" + index;
                text.Append(placeholder);
                var parameter = columns[c].Mapping.CreateParameter(command, positional ? "" : placeholder, null);
                parameter.Size = positional ? 0 : -1; // never truncate silently: a value too long must fail
                command.Parameters.Add(parameter);
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    /// <summary>After inserting explicit ids, PostgreSQL's identity sequences must continue after the largest one.</summary>
    public async Task ResetIdentityAsync<T>(CancellationToken ct)
        where T : class
    {
        if (!db.Database.IsNpgsql())
            return; // SQLite's AUTOINCREMENT follows the largest id by itself.
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var tableName = entityType.GetTableName()!;
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var column = key.GetColumnName(StoreObjectIdentifier.Table(tableName, entityType.GetSchema()))!;
        var sql = db.GetService<ISqlGenerationHelper>();
#pragma warning disable EF1002 // identifiers come from the EF model, not from input
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('{sql.DelimitIdentifier(tableName)}', '{column}'), GREATEST((SELECT MAX({sql.DelimitIdentifier(column)}) FROM {sql.DelimitIdentifier(tableName)}), 1))", ct);
#pragma warning restore EF1002
    }
}
