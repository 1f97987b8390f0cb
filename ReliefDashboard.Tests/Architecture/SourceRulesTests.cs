using System.Text.RegularExpressions;

namespace ReliefDashboard.Architecture;

/// <summary>
/// Rules read from the app's source: every write to the database goes through the write pipeline, and time comes
/// from the injected clock. A new write path or a stray <c>DateTime.UtcNow</c> fails here, naming the file and line.
/// </summary>
public partial class SourceRulesTests
{
    private static readonly string AppRoot = FindAppRoot();

    private static string FindAppRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReliefDashboard.sln")))
            {
                return Path.Combine(dir.FullName, "ReliefDashboard");
            }
        }
        throw new InvalidOperationException("ReliefDashboard.sln not found above the test output");
    }

    private static IEnumerable<(string File, int Line, string Text)> SourceLines() =>
        Directory.EnumerateFiles(AppRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (Path.GetRelativePath(AppRoot, f).Replace('\\', '/'), i + 1, text)))
            .Where(l => !l.Item3.TrimStart().StartsWith("//", StringComparison.Ordinal));

    /// <summary>Where each way of writing may appear, and why.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        // The pipeline itself, and the context's guard that sends everyone else there.
        ["SaveChanges"] = ["Writes/DistrictWrite.cs", "Writes/WriteContext.cs", "Data/ReliefDbContext.cs",
            // The access journal (who signed in, who was refused, who saw a full ID number) is not district data.
            "Data/ActivityLogs.cs", "Features/Accounts/SessionStore.cs"],
        ["BeginTransaction"] = ["Writes/DistrictWrite.cs"],
        ["OpenDistrictWrite"] = ["Writes/DistrictWrite.cs", "Data/ReliefDbContext.cs"],
        // Payment checks are stored by the ledger refresh, which only the pipeline's recompute step and writes call.
        ["ExecuteUpdate"] = ["Figures/BenefitLedger.cs", "Features/Accounts/SessionStore.cs"],
        ["ExecuteDelete"] = ["Features/Accounts/SessionStore.cs"],
    };

    [Theory]
    [InlineData("SaveChanges")]
    [InlineData("BeginTransaction")]
    [InlineData("OpenDistrictWrite")]
    [InlineData("ExecuteUpdate")]
    [InlineData("ExecuteDelete")]
    public void EveryWrite_GoesThroughTheWritePipeline(string call)
    {
        var found = SourceLines().Where(l => Regex.IsMatch(l.Text, $@"\b{call}(Async)?\s*\(")).ToList();
        var outside = found.Where(l => !Allowed[call].Contains(l.File)).Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(outside.Count == 0, $"{call} outside the write pipeline:\n{string.Join("\n", outside)}");
        Assert.NotEmpty(found); // the scan reads the source it means to
    }

    [Fact]
    public void RawSql_OnlySetsPragmas()
    {
        var raw = SourceLines().Where(l => l.Text.Contains("ExecuteSql", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(raw);
        Assert.All(raw, l => Assert.Contains("PRAGMA", l.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void TimeComesFromTheInjectedClock_NeverFromDateTimeNow()
    {
        var stray = SourceLines()
            .Where(l => StrayClock().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(stray.Count == 0, "Read the time from TimeProvider:\n" + string.Join("\n", stray));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex StrayClock();

    [Fact]
    public async Task AContextTheAppGets_RefusesToSaveDistrictData_ButKeepsTheAccessJournal()
    {
        await using var database = new TestSupport.TestDatabase();
        await using var db = database.CreateDbContext();
        db.Towns.Add(new Domain.Town { Name = "绕过镇" });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("DistrictWrite", refused.Message);
        db.ChangeTracker.Clear();

        db.Activity.Add(new Domain.ActivityLog { At = new DateTime(2026, 12, 1), User = "某人", Kind = Domain.ActivityLog.Kinds.Denied, Target = "某页" });
        Assert.Equal(1, await db.SaveChangesAsync());
    }
}
