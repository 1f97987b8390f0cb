using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ReliefDashboard.Data.Demo;

/// <summary>
/// Inserts rows of one entity type through a single prepared statement. Table, columns and value conversions
/// are read from the EF model, so the writer follows the migrations instead of repeating them.
/// Used where EF's change tracking costs more than the data is worth: building districts of a million households.
/// </summary>
internal sealed class BulkWriter<T> : IDisposable where T : class
{
    private readonly DbCommand command;
    private readonly (IProperty Property, DbParameter Parameter)[] columns;

    public BulkWriter(ReliefDbContext db, DbTransaction transaction)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        columns = entity.GetProperties().Select(p =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$" + p.GetColumnName(table);
            command.Parameters.Add(parameter);
            return (p, parameter);
        }).ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""));
        var values = string.Join(", ", columns.Select(c => c.Parameter.ParameterName));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({values})";
        command.Prepare();
    }

    public void Write(T row)
    {
        foreach (var (property, parameter) in columns)
        {
            var value = property.GetGetter().GetClrValue(row);
            var converter = property.GetTypeMapping().Converter;
            parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
