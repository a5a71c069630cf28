using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kabinet.Web.Data;

/// <summary>
/// Inserts many rows fast with multi-row parameterised INSERTs, reading tables, columns and value
/// conversions from the EF model so that rows look exactly as if EF had saved them. Ids are taken as
/// given. For seeding and imports, not for everyday writes. PostgreSQL gets binary COPY.
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
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetColumnName(table) is not null)
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToArray();

        var sql = db.GetService<ISqlGenerationHelper>();
        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, sql, table, columns.Select(c => (c.Column, c.Mapping, c.Getter)).ToArray(), rows, ct);
            return;
        }

        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

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
                    command = CreateCommand(connection, transaction, head, columns.Select(c => c.Mapping).ToArray(), count);
                    if (count == rowsPerCommand)
                        full = command;
                }

                var parameterIndex = 0;
                for (var r = 0; r < count; r++)
                {
                    var row = rows[offset + r];
                    foreach (var (_, _, mapping, getter) in columns)
                    {
                        var value = getter.GetClrValueUsingContainingEntity(row);
                        if (value is not null && mapping.Converter is { } converter)
                            value = converter.ConvertToProvider(value);
                        command.Parameters[parameterIndex++].Value = value ?? DBNull.Value;
                    }
                }

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

    /// <summary>PostgreSQL takes many rows fastest through binary COPY, in one stream per call.</summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        (string Column, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)[] columns, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            writer.StartRow();
            for (var c = 0; c < columns.Length; c++)
            {
                var (_, mapping, getter) = columns[c];
                var value = getter.GetClrValueUsingContainingEntity(row);
                if (value is null)
                {
                    writer.WriteNull();
                    continue;
                }

                if (mapping.Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                writer.Write(value, types[c]);
            }
        }

        await writer.CompleteAsync(ct);
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

    private DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string head, RelationalTypeMapping[] mappings, int rowCount)
    {
        var positional = !db.Database.IsSqlite();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        var text = new StringBuilder(head, head.Length + (rowCount * mappings.Length * 8));
        var index = 0;
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < mappings.Length; c++)
            {
                index++;
                if (c > 0)
                    text.Append(',');
                var placeholder = positional ? "$" + index : "@p" + index;
                text.Append(placeholder);
                var parameter = mappings[c].CreateParameter(command, positional ? "" : placeholder, null);
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
