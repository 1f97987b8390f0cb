using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class MoneyInFen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Stored yuan (REAL, or TEXT for the decimal columns) become whole fen before the columns become INTEGER;
            // ROUND first, so 19999.99 stored as 19999.989999… is 1999999 fen, not 1999998. SQLite retypes a column by
            // rebuilding its table in steps that cannot share one transaction; should the process die after the rebuild
            // but before the migration is recorded, the rerun must not multiply again: only a column still declared
            // with its old type is converted.
            migrationBuilder.Sql("UPDATE \"Shopfronts\" SET \"MonthlyRent\" = CAST(ROUND(\"MonthlyRent\" * 100) AS INTEGER) WHERE \"MonthlyRent\" IS NOT NULL AND (SELECT type FROM pragma_table_info('Shopfronts') WHERE name = 'MonthlyRent') <> 'INTEGER';");
            migrationBuilder.Sql("UPDATE \"Loans\" SET \"Amount\" = CAST(ROUND(\"Amount\" * 100) AS INTEGER) WHERE \"Amount\" IS NOT NULL AND (SELECT type FROM pragma_table_info('Loans') WHERE name = 'Amount') <> 'INTEGER';");
            migrationBuilder.Sql("UPDATE \"Industries\" SET \"AnnualIncome\" = CAST(ROUND(\"AnnualIncome\" * 100) AS INTEGER) WHERE \"AnnualIncome\" IS NOT NULL AND (SELECT type FROM pragma_table_info('Industries') WHERE name = 'AnnualIncome') <> 'INTEGER';");
            migrationBuilder.Sql("UPDATE \"Factories\" SET \"MonthlyRent\" = CAST(ROUND(\"MonthlyRent\" * 100) AS INTEGER) WHERE \"MonthlyRent\" IS NOT NULL AND (SELECT type FROM pragma_table_info('Factories') WHERE name = 'MonthlyRent') <> 'INTEGER';");
            migrationBuilder.Sql("UPDATE \"Employments\" SET \"MonthlyPay\" = CAST(ROUND(\"MonthlyPay\" * 100) AS INTEGER) WHERE \"MonthlyPay\" IS NOT NULL AND (SELECT type FROM pragma_table_info('Employments') WHERE name = 'MonthlyPay') <> 'INTEGER';");
            migrationBuilder.Sql("UPDATE \"Coverages\" SET \"MonthlyAmount\" = CAST(ROUND(\"MonthlyAmount\" * 100) AS INTEGER) WHERE \"MonthlyAmount\" IS NOT NULL AND (SELECT type FROM pragma_table_info('Coverages') WHERE name = 'MonthlyAmount') <> 'INTEGER';");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"Amount\" = CAST(ROUND(\"Amount\" * 100) AS INTEGER) WHERE \"Amount\" IS NOT NULL AND (SELECT type FROM pragma_table_info('Benefits') WHERE name = 'Amount') <> 'INTEGER';");

            migrationBuilder.AlterColumn<long>(
                name: "MonthlyRent",
                table: "Shopfronts",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<long>(
                name: "Amount",
                table: "Loans",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<long>(
                name: "AnnualIncome",
                table: "Industries",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "MonthlyRent",
                table: "Factories",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<long>(
                name: "MonthlyPay",
                table: "Employments",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "MonthlyAmount",
                table: "Coverages",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Amount",
                table: "Benefits",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "MonthlyRent",
                table: "Shopfronts",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<double>(
                name: "Amount",
                table: "Loans",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "AnnualIncome",
                table: "Industries",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "MonthlyRent",
                table: "Factories",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "MonthlyPay",
                table: "Employments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<decimal>(
                name: "MonthlyAmount",
                table: "Coverages",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "Amount",
                table: "Benefits",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.Sql("UPDATE \"Shopfronts\" SET \"MonthlyRent\" = \"MonthlyRent\" / 100.0 WHERE \"MonthlyRent\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Loans\" SET \"Amount\" = \"Amount\" / 100.0 WHERE \"Amount\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Industries\" SET \"AnnualIncome\" = \"AnnualIncome\" / 100.0 WHERE \"AnnualIncome\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Factories\" SET \"MonthlyRent\" = \"MonthlyRent\" / 100.0 WHERE \"MonthlyRent\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Employments\" SET \"MonthlyPay\" = \"MonthlyPay\" / 100.0 WHERE \"MonthlyPay\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Coverages\" SET \"MonthlyAmount\" = \"MonthlyAmount\" / 100.0 WHERE \"MonthlyAmount\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Benefits\" SET \"Amount\" = \"Amount\" / 100.0 WHERE \"Amount\" IS NOT NULL;");
        }
    }
}
