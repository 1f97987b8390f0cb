using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ReliefDashboard.Data;

/// <summary>
/// Writes rows of one entity type through prepared statements: inserts (with the id given, or letting SQLite
/// assign it and reading it back) and updates by id, guarded by the concurrency token when the entity has one.
/// Table, columns and value conversions are read from the EF model, so the writer follows the migrations instead
/// of repeating them. Used where EF's change tracking costs more than the data is worth: building districts of a
/// million households, importing a hundred thousand.
/// </summary>
public sealed class TableWriter<T> : IDisposable where T : class
{
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly StoreObjectIdentifier table;
    private readonly IProperty? key;
    private readonly IProperty[] properties;
    private readonly IProperty? token;
    private (DbCommand Command, DbParameter[] Values)? insert;
    private long? lastId;
    private (DbCommand Command, DbParameter[] Values, DbParameter Token)? update;

    public TableWriter(ReliefDbContext db, DbTransaction transaction)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        connection = db.Database.GetDbConnection();
        this.transaction = transaction;
        // A composite key (a month-end figure's month, town, mask and status) is given by the row: insert only.
        key = entity.FindPrimaryKey()!.Properties is [var single] ? single : null;
        properties = entity.GetProperties().ToArray();
        token = properties.FirstOrDefault(p => p.IsConcurrencyToken);
    }

    /// <summary>The mapped properties in column order; <see cref="Values"/> reads them in the same order.</summary>
    public IReadOnlyList<IProperty> Properties => properties;

    /// <summary>The properties' names, in the same order.</summary>
    public IReadOnlyList<string> Names => names ??= properties.Select(p => p.Name).ToArray();

    private string[]? names;

    public int IdOf(T row) => Convert.ToInt32(Key.GetGetter().GetClrValue(row), System.Globalization.CultureInfo.InvariantCulture);

    public object?[] Values(T row) => ValuesOf(properties, row);

    /// <summary>The mapped properties of <typeparamref name="T"/> in the order <see cref="Values"/> reads them.</summary>
    public static IReadOnlyList<IProperty> ColumnsOf(IModel model) =>
        (model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped")).GetProperties().ToArray();

    public static object?[] ValuesOf(IReadOnlyList<IProperty> columns, T row) => columns.Select(p => p.GetGetter().GetClrValue(row)).ToArray();

    /// <summary>
    /// Inserts the row. An id of 0 is given the next free id, which is set on the row: ids are counted here from
    /// the table's highest (and SQLite's AUTOINCREMENT record), so the caller must hold the write lock — a
    /// transaction from <c>BeginTransaction()</c>, which Microsoft.Data.Sqlite starts as BEGIN IMMEDIATE.
    /// Reading each id back from SQLite instead made a large import a third slower.
    /// </summary>
    public void Insert(T row)
    {
        if (key is not null && Convert.ToInt64(key.GetGetter().GetClrValue(row), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            lastId ??= HighestId();
            lastId++;
            key.PropertyInfo!.SetValue(row, Convert.ChangeType(lastId.Value, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        }
        var (command, values) = insert ??= Prepare(properties);
        Bind(values, properties, row);
        command.ExecuteNonQuery();
    }

    private long HighestId()
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var column = Key.GetColumnName(table);
        command.CommandText = $"SELECT MAX(COALESCE((SELECT MAX(\"{column}\") FROM \"{table.Name}\"), 0), "
            + $"COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0))";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes every column of the row by its id. With a concurrency token, only while the stored token still
    /// equals <paramref name="originalToken"/>; false when someone else changed the row meanwhile.
    /// </summary>
    public bool Update(T row, object? originalToken = null)
    {
        var key = Key;
        var columns = properties.Where(p => p != key).ToArray();
        if (update is null)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = columns.Select(p => Parameter(command, p)).ToArray();
            var id = Parameter(command, key);
            var tokenParameter = command.CreateParameter();
            tokenParameter.ParameterName = "$original_token";
            command.Parameters.Add(tokenParameter);
            var set = string.Join(", ", columns.Select((p, i) => $"\"{p.GetColumnName(table)}\" = {values[i].ParameterName}"));
            var guard = token is null ? "" : $" AND \"{token.GetColumnName(table)}\" = $original_token";
            command.CommandText = $"UPDATE \"{table.Name}\" SET {set} WHERE \"{key.GetColumnName(table)}\" = {id.ParameterName}{guard}";
            command.Prepare();
            update = (command, [.. values, id], tokenParameter);
        }
        var (cmd, parameters, original) = update.Value;
        Bind(parameters, [.. columns, key], row);
        original.Value = token is null ? DBNull.Value : Provider(token, originalToken);
        return cmd.ExecuteNonQuery() == 1;
    }

    private IProperty Key => key ?? throw new InvalidOperationException($"{typeof(T).Name} has a composite key: rows can only be inserted");

    private (DbCommand, DbParameter[]) Prepare(IProperty[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = columns.Select(p => Parameter(command, p)).ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({string.Join(", ", values.Select(v => v.ParameterName))})";
        command.Prepare();
        return (command, values);
    }

    private DbParameter Parameter(DbCommand command, IProperty property)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$" + property.GetColumnName(table);
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static void Bind(DbParameter[] parameters, IProperty[] columns, T row)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i].Value = Provider(columns[i], columns[i].GetGetter().GetClrValue(row));
        }
    }

    private static object Provider(IProperty property, object? value)
    {
        var converter = property.GetTypeMapping().Converter;
        return (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
    }

    public void Dispose()
    {
        insert?.Command.Dispose();
        update?.Command.Dispose();
    }
}
