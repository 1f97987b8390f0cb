using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

/// <summary>Money is whole fen in the database: converted exactly from the old floating-point columns, summed as integers.</summary>
public class MoneyInFenTests
{
    [Fact]
    public async Task TheMigration_ConvertsStoredYuanToFenExactly_IncludingOneFenAnd19999Point99()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite(connection).Options;
        await using (var db = new ReliefDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("AuditSubject");
        }
        // As the previous version stored them: REAL for payments, TEXT (EF's decimal) for a job's pay.
        Exec(connection, "PRAGMA foreign_keys = OFF;");
        Exec(connection, """
            INSERT INTO Benefits (Id, HouseholdId, TownId, Kind, Amount, PaidOn, Fund, Voucher, RecordedBy, RecordedAt, Source, Breaches)
            VALUES (1, 1, 1, 0, 0.01, '2026-01-01', '区财政', 'V1', 'x', '2026-01-01', 'x', 0),
                   (2, 1, 1, 0, 19999.99, '2026-01-01', '区财政', 'V2', 'x', '2026-01-01', 'x', 0),
                   (3, 1, 1, 0, 1000, '2026-01-01', '区财政', 'V3', 'x', '2026-01-01', 'x', 0);
            INSERT INTO Employments (Id, HouseholdId, MemberId, Channel, Employer, Location, HasSocialInsurance, MonthlyPay, StartDate)
            VALUES (1, 1, 1, 1, '东川建材', 0, 1, '3456.78', '2026-01-01');
            """);

        await using (var db = new ReliefDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        Assert.Equal([("integer", 1L), ("integer", 1_999_999L), ("integer", 100_000L)],
            Rows(connection, "SELECT typeof(Amount), Amount FROM Benefits ORDER BY Id"));
        Assert.Equal([("integer", 345_678L)], Rows(connection, "SELECT typeof(MonthlyPay), MonthlyPay FROM Employments"));
        await using (var db = new ReliefDbContext(options))
        {
            Assert.Equal([0.01m, 19_999.99m, 1_000m], await db.Benefits.OrderBy(b => b.Id).Select(b => b.Amount).ToListAsync());
            Assert.Equal(3456.78m, await db.Employments.Select(e => e.MonthlyPay).SingleAsync());
        }
    }

    [Fact]
    public async Task AMigrationCutOffAfterItsTablesWereRebuilt_RunsAgainWithoutMultiplyingTheAmountsTwice()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite(connection).Options;
        await using (var db = new ReliefDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("AuditSubject");
        }
        await using (var db = new ReliefDbContext(options))
        {
            // Towns and sites have the same columns before and after: the current model can write them.
            db.OpenDistrictWrite();
            var town = new Town { Name = "青石镇" };
            town.Sites.Add(new ResettlementSite { Name = "青石新村", Kind = SiteKind.Centralized });
            db.Towns.Add(town);
            await db.SaveChangesAsync();
        }
        // Households gained columns since: one row as that version's table has it, every required column filled.
        var required = Texts(connection, "SELECT type, name FROM pragma_table_info('Households') WHERE \"notnull\" = 1 AND pk = 0");
        string Value(string type, string name) => name switch
        {
            "Code" => "'610623001000001'",
            "TownId" or "SiteId" => "1",
            _ => type == "TEXT" ? "''" : "0",
        };
        Exec(connection, $"INSERT INTO Households ({string.Join(", ", required.Select(c => c.Item2))}) VALUES ({string.Join(", ", required.Select(c => Value(c.Item1, c.Item2)))});");
        Exec(connection, """
            INSERT INTO Benefits (Id, HouseholdId, TownId, Kind, Amount, PaidOn, Fund, Voucher, RecordedBy, RecordedAt, Source, Breaches)
            VALUES (1, 1, 1, 0, 19999.99, '2026-01-01', '区财政', 'V1', 'x', '2026-01-01', 'x', 0);
            """);
        await using (var db = new ReliefDbContext(options))
        {
            await db.Database.MigrateAsync();
        }
        // The process died after the rebuild, before the migration was recorded: the next start runs it again.
        Exec(connection, "DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_MoneyInFen';");
        await using (var db = new ReliefDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        Assert.Equal([("integer", 1_999_999L)], Rows(connection, "SELECT typeof(Amount), Amount FROM Benefits"));
    }

    [Fact]
    public async Task TheSumOf614257Payments_IsTheExactIntegerSum_ComputedInSql()
    {
        const int payments = 614_257;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var sql = new List<string>();
        var options = new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite(connection)
            .LogTo(m => sql.Add(m), [DbLoggerCategory.Database.Command.Name]).Options;
        await using var db = new ReliefDbContext(options);
        await db.Database.MigrateAsync();
        Exec(connection, "PRAGMA foreign_keys = OFF;");
        // Amounts from 0.01 to 19,999.99 yuan: fen = (i * 7919) % 1999999 + 1.
        Exec(connection, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {payments})
            INSERT INTO Benefits (HouseholdId, TownId, Kind, Amount, PaidOn, Fund, Voucher, RecordedBy, RecordedAt, Source, Breaches)
            SELECT i % 2524 + 1, i % 9 + 1, i % 8, (i * 7919) % 1999999 + 1, '2026-01-01', '区财政', 'V' || i, 'x', '2026-01-01', 'x', 0 FROM n;
            """);
        long exact = 0;
        for (long i = 1; i <= payments; i++)
        {
            exact += i * 7919 % 1_999_999 + 1;
        }

        sql.Clear();
        var total = await db.Benefits.SumAsync(b => b.Amount);
        var byTown = await db.Benefits.GroupBy(b => b.TownId).Select(g => g.Sum(b => b.Amount)).ToListAsync();

        Assert.Equal(exact, Fen.FromYuan(total));
        Assert.Equal(exact, byTown.Sum(Fen.FromYuan));
        // The database adds integers: no CAST to REAL and no client-side or custom decimal aggregate.
        var sums = sql.Where(s => s.Contains("SUM(", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sums);
        Assert.All(sums, s => Assert.DoesNotContain("REAL", s));
        Assert.All(sums, s => Assert.DoesNotContain("ef_sum", s));
    }

    [Fact]
    public void AnAmountFinerThanAFen_IsRefusedBeforeItReachesTheDatabase()
    {
        Assert.Equal(1_999_999L, Fen.FromYuan(19_999.99m));
        Assert.Equal("¥19,999.99", Fen.Show(19_999.99m));
        Assert.Equal("¥0.01", Fen.Show(0.01m));
        Assert.False(Fen.IsWhole(0.001m));
        Assert.Throws<ArgumentException>(() => Fen.FromYuan(0.001m));
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<(string, string)> Texts(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    private static List<(string, long)> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return rows;
    }
}
