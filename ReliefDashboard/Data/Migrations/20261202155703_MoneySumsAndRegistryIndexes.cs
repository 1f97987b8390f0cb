using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class MoneySumsAndRegistryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MoneySums",
                columns: table => new
                {
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Payments = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoneySums", x => new { x.TownId, x.Kind });
                    table.ForeignKey(
                        name: "FK_MoneySums_Towns_TownId",
                        column: x => x.TownId,
                        principalTable: "Towns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // The money sums start from the payments as they are; from here every write keeps them.
            migrationBuilder.Sql("INSERT INTO MoneySums (TownId, Kind, Payments, Amount) SELECT TownId, Kind, COUNT(*), SUM(Amount) FROM Benefits WHERE VoidedAt IS NULL AND TownId IN (SELECT Id FROM Towns) GROUP BY TownId, Kind;");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Channel1",
                table: "Households",
                column: "Code",
                filter: "(ChannelMask & 2) != 0");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Channel2",
                table: "Households",
                column: "Code",
                filter: "(ChannelMask & 4) != 0");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Channel3",
                table: "Households",
                column: "Code",
                filter: "(ChannelMask & 8) != 0");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Channel4",
                table: "Households",
                column: "Code",
                filter: "(ChannelMask & 16) != 0");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Channel5",
                table: "Households",
                column: "Code",
                filter: "(ChannelMask & 32) != 0");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Channel6",
                table: "Households",
                column: "Code",
                filter: "(ChannelMask & 64) != 0");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Channel7",
                table: "Households",
                column: "Code",
                filter: "(ChannelMask & 128) != 0");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Channel8",
                table: "Households",
                column: "Code",
                filter: "(ChannelMask & 256) != 0");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Status_Code",
                table: "Households",
                columns: new[] { "Status", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MoneySums");

            migrationBuilder.DropIndex(
                name: "IX_Households_Channel1",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Channel2",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Channel3",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Channel4",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Channel5",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Channel6",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Channel7",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Channel8",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Status_Code",
                table: "Households");
        }
    }
}
