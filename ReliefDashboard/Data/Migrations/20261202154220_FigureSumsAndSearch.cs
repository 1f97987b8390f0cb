using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class FigureSumsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureSums",
                columns: table => new
                {
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelMask = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    IndustryMask = table.Column<int>(type: "INTEGER", nullable: false),
                    EmploymentMask = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    LabourHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    LabourMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployedLabourMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    LocalCoveredHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    IdleLabourHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkersInDistrict = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkersInProvince = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkersOutsideProvince = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifiedHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifiedAttained = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureSums", x => new { x.TownId, x.ChannelMask, x.Status, x.IndustryMask, x.EmploymentMask });
                    table.ForeignKey(
                        name: "FK_FigureSums_Towns_TownId",
                        column: x => x.TownId,
                        principalTable: "Towns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
            // Substring search without reading the members: one trigram row per member (name and ID number, rowid =
            // the member's id) and one per household code (rowid = minus the household's id), kept by triggers so every
            // write path, raw bulk writes included, keeps it current.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE HouseholdSearch USING fts5(Text, HouseholdId UNINDEXED, tokenize = 'trigram');");
            migrationBuilder.Sql("INSERT INTO HouseholdSearch(rowid, Text, HouseholdId) SELECT Id, Name || '|' || IdNumber, HouseholdId FROM Members;");
            migrationBuilder.Sql("INSERT INTO HouseholdSearch(rowid, Text, HouseholdId) SELECT -Id, Code, Id FROM Households;");
            migrationBuilder.Sql("""
                CREATE TRIGGER Members_Search_Insert AFTER INSERT ON Members BEGIN
                    INSERT INTO HouseholdSearch(rowid, Text, HouseholdId) VALUES (new.Id, new.Name || '|' || new.IdNumber, new.HouseholdId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Members_Search_Update AFTER UPDATE OF Name, IdNumber, HouseholdId ON Members BEGIN
                    DELETE FROM HouseholdSearch WHERE rowid = old.Id;
                    INSERT INTO HouseholdSearch(rowid, Text, HouseholdId) VALUES (new.Id, new.Name || '|' || new.IdNumber, new.HouseholdId);
                END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER Members_Search_Delete AFTER DELETE ON Members BEGIN DELETE FROM HouseholdSearch WHERE rowid = old.Id; END;");
            migrationBuilder.Sql("""
                CREATE TRIGGER Households_Search_Insert AFTER INSERT ON Households BEGIN
                    INSERT INTO HouseholdSearch(rowid, Text, HouseholdId) VALUES (-new.Id, new.Code, new.Id);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Households_Search_Update AFTER UPDATE OF Code ON Households BEGIN
                    DELETE FROM HouseholdSearch WHERE rowid = -old.Id;
                    INSERT INTO HouseholdSearch(rowid, Text, HouseholdId) VALUES (-new.Id, new.Code, new.Id);
                END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER Households_Search_Delete AFTER DELETE ON Households BEGIN DELETE FROM HouseholdSearch WHERE rowid = -old.Id; END;");
            // One- and two-character searches (a given name, a surname) cannot use trigrams: names are also indexed one
            // character per token, and the query is a phrase of those characters. Names longer than 20 characters are
            // indexed by their first 20.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE NameSearch USING fts5(Chars, HouseholdId UNINDEXED, tokenize = 'unicode61');");
            migrationBuilder.Sql("INSERT INTO NameSearch(rowid, Chars, HouseholdId) SELECT Id, substr(m.Name, 1, 1) || ' ' || substr(m.Name, 2, 1) || ' ' || substr(m.Name, 3, 1) || ' ' || substr(m.Name, 4, 1) || ' ' || substr(m.Name, 5, 1) || ' ' || substr(m.Name, 6, 1) || ' ' || substr(m.Name, 7, 1) || ' ' || substr(m.Name, 8, 1) || ' ' || substr(m.Name, 9, 1) || ' ' || substr(m.Name, 10, 1) || ' ' || substr(m.Name, 11, 1) || ' ' || substr(m.Name, 12, 1) || ' ' || substr(m.Name, 13, 1) || ' ' || substr(m.Name, 14, 1) || ' ' || substr(m.Name, 15, 1) || ' ' || substr(m.Name, 16, 1) || ' ' || substr(m.Name, 17, 1) || ' ' || substr(m.Name, 18, 1) || ' ' || substr(m.Name, 19, 1) || ' ' || substr(m.Name, 20, 1), HouseholdId FROM Members AS m;");
            migrationBuilder.Sql("""
                CREATE TRIGGER Members_Names_Insert AFTER INSERT ON Members BEGIN
                    INSERT INTO NameSearch(rowid, Chars, HouseholdId) VALUES (new.Id, substr(new.Name, 1, 1) || ' ' || substr(new.Name, 2, 1) || ' ' || substr(new.Name, 3, 1) || ' ' || substr(new.Name, 4, 1) || ' ' || substr(new.Name, 5, 1) || ' ' || substr(new.Name, 6, 1) || ' ' || substr(new.Name, 7, 1) || ' ' || substr(new.Name, 8, 1) || ' ' || substr(new.Name, 9, 1) || ' ' || substr(new.Name, 10, 1) || ' ' || substr(new.Name, 11, 1) || ' ' || substr(new.Name, 12, 1) || ' ' || substr(new.Name, 13, 1) || ' ' || substr(new.Name, 14, 1) || ' ' || substr(new.Name, 15, 1) || ' ' || substr(new.Name, 16, 1) || ' ' || substr(new.Name, 17, 1) || ' ' || substr(new.Name, 18, 1) || ' ' || substr(new.Name, 19, 1) || ' ' || substr(new.Name, 20, 1), new.HouseholdId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Members_Names_Update AFTER UPDATE OF Name, HouseholdId ON Members BEGIN
                    DELETE FROM NameSearch WHERE rowid = old.Id;
                    INSERT INTO NameSearch(rowid, Chars, HouseholdId) VALUES (new.Id, substr(new.Name, 1, 1) || ' ' || substr(new.Name, 2, 1) || ' ' || substr(new.Name, 3, 1) || ' ' || substr(new.Name, 4, 1) || ' ' || substr(new.Name, 5, 1) || ' ' || substr(new.Name, 6, 1) || ' ' || substr(new.Name, 7, 1) || ' ' || substr(new.Name, 8, 1) || ' ' || substr(new.Name, 9, 1) || ' ' || substr(new.Name, 10, 1) || ' ' || substr(new.Name, 11, 1) || ' ' || substr(new.Name, 12, 1) || ' ' || substr(new.Name, 13, 1) || ' ' || substr(new.Name, 14, 1) || ' ' || substr(new.Name, 15, 1) || ' ' || substr(new.Name, 16, 1) || ' ' || substr(new.Name, 17, 1) || ' ' || substr(new.Name, 18, 1) || ' ' || substr(new.Name, 19, 1) || ' ' || substr(new.Name, 20, 1), new.HouseholdId);
                END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER Members_Names_Delete AFTER DELETE ON Members BEGIN DELETE FROM NameSearch WHERE rowid = old.Id; END;");
        }


        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Members_Search_Insert", "Members_Search_Update", "Members_Search_Delete", "Households_Search_Insert", "Households_Search_Update", "Households_Search_Delete", "Members_Names_Insert", "Members_Names_Update", "Members_Names_Delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            migrationBuilder.Sql("DROP TABLE IF EXISTS HouseholdSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS NameSearch;");
            migrationBuilder.DropTable(
                name: "FigureSums");
        }
    }
}
