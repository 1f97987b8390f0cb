using System.Buffers;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Checks;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Verification;

/// <summary>What is being imported: which list, for which month, from which file.</summary>
public sealed record ListUploadInput(DepartmentListKind Kind, DateOnly DataMonth, string FileName);

public sealed class ListUploadInputValidator : AbstractValidator<ListUploadInput>
{
    public ListUploadInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择比对数据的类别");
        RuleFor(x => x.DataMonth).Must(m => m.Day == 1).WithMessage("数据月份应为某月的1日");
        RuleFor(x => x.DataMonth).Must(m => m <= clock.Today()).WithMessage("数据月份不能晚于本月");
        RuleFor(x => x.DataMonth).Must(m => m > clock.Today().AddMonths(-25)).WithMessage("数据月份不能早于两年前");
        RuleFor(x => x.FileName).Must(n => Path.GetExtension(n).ToLowerInvariant() is ".csv" or ".xlsx")
            .WithMessage("只能导入 .csv 文件或 .xlsx 工作簿");
        RuleFor(x => x.FileName).Must(n => n.Length <= 200).WithMessage("文件名不能超过200个字");
    }
}

public sealed record ListImportResult(bool Ok, string Message, IReadOnlyList<RosterProblem> Problems, int Rows = 0, int Matched = 0, int ProblemCount = 0,
    CheckRun? Check = null)
{
    public TimeSpan Took { get; init; }
    public TimeSpan InsertTook { get; init; }
    public TimeSpan CheckTook { get; init; }
    public TimeSpan WriteLockHeld { get; init; }
    public static ListImportResult Fail(string message, IReadOnlyList<RosterProblem>? problems = null, int count = 0) =>
        new(false, message, problems ?? [], ProblemCount: count);
}

/// <summary>
/// Imports a department list (比对数据): reads the whole file once and checks every row (nothing written while any
/// row is wrong), then in one write stores the list, keeps the rows whose ID number is a member of the registry,
/// replaces a list of the same kind and month imported before, and runs the cross-check over the whole district
/// in the same transaction. A department's users upload their own department's lists; administrators any.
/// </summary>
public sealed class DepartmentImport(
    IDbContextFactory<ReliefDbContext> dbFactory,
    CurrentUser current,
    DistrictWrite writes,
    IValidator<ListUploadInput> validator,
    TimeProvider clock)
{
    /// <summary>At most this many problems are listed; all are counted.</summary>
    public const int ShownProblems = 200;

    private const int Batch = 16;

    public static bool CanUpload(UserScope user, DepartmentListKind kind) =>
        user.Role == Roles.Admin || (user.Role == Roles.Department && user.Department is { } d && VerificationPolicy.SourcesOf(kind).Contains(d));

    /// <summary>The kinds this user may upload.</summary>
    public static IReadOnlyList<DepartmentListKind> KindsFor(UserScope user) => Enum.GetValues<DepartmentListKind>().Where(k => CanUpload(user, k)).ToList();

    public async Task<ListImportResult> ImportAsync(string path, ListUploadInput input, CancellationToken ct = default, IProgress<(string Stage, double Done)>? progress = null)
    {
        var started = Stopwatch.GetTimestamp();
        var user = await current.GetAsync();
        var what = $"导入{Labels.Of(input.Kind)}比对数据 {Path.GetFileName(input.FileName)}";
        if (!CanUpload(user, input.Kind))
        {
            await using var log = await dbFactory.CreateDbContextAsync(ct);
            await ActivityLogs.WriteAsync(log, clock, user, ActivityLog.Kinds.Denied, what, null, ct);
            return ListImportResult.Fail($"无权导入{Labels.Of(input.Kind)}数据：只能由{string.Join("、", VerificationPolicy.SourcesOf(input.Kind))}或管理员导入。本次操作已记录。");
        }
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return ListImportResult.Fail(validation.Errors[0].ErrorMessage);
        }
        VerificationPolicy policy;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            policy = VerificationPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct));
        }

        progress?.Report(("逐行检查", 0.05));
        var template = ListTemplates.Of(input.Kind);
        var today = clock.Today();
        var checkedFile = Check(path, input, template, policy, today);
        using var staged = new Staged(checkedFile.Staged);
        if (checkedFile.Problems.Count > 0)
        {
            var head = checkedFile.Problems[0].Row is null ? checkedFile.Problems[0].Message : $"发现{checkedFile.Count}处问题，未导入任何数据；请修改后重新导入";
            return ListImportResult.Fail(head, checkedFile.Problems, checkedFile.Count);
        }
        if (checkedFile.Rows == 0)
        {
            return ListImportResult.Fail("文件中没有数据行");
        }

        progress?.Report(("写入并比对", 0.5));
        var list = new DepartmentList
        {
            Kind = input.Kind,
            Department = user.Role == Roles.Department ? user.Department! : VerificationPolicy.SourcesOf(input.Kind)[0],
            DataMonth = input.DataMonth,
            FileName = Path.GetFileName(input.FileName),
            Sha256 = checkedFile.Sha256,
            ImportedBy = user.Name,
            Rows = checkedFile.Rows,
            Months = checkedFile.Months.Count == 0 ? null : string.Join(",", checkedFile.Months.Order().Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))),
        };
        CheckRun? run = null;
        var replaced = 0;
        var (insertTook, checkTook) = (TimeSpan.Zero, TimeSpan.Zero);
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Verification, $"比对数据：{list.FileName}", what) { IsBulk = true }, user, async w =>
        {
            if (!CanUpload(w.User, input.Kind))
            {
                return Refusal.Forbidden(what, "无权导入该类比对数据");
            }
            await w.Db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;", ct);
            var old = await w.Db.DepartmentLists.Where(l => l.Kind == input.Kind && l.DataMonth == input.DataMonth && l.ReplacedAt == null).ToListAsync(ct);
            foreach (var o in old)
            {
                o.ReplacedAt = w.Now;
                await using var delete = Command(w, "DELETE FROM DepartmentRecords WHERE ListId = $list");
                Parameter(delete, "$list", o.Id);
                await delete.ExecuteNonQueryAsync(ct);
            }
            replaced = old.Count;
            list.ImportedAt = w.Now;
            w.Db.DepartmentLists.Add(list);
            await w.FlushAsync(ct);
            var inserting = Stopwatch.GetTimestamp();
            list.Matched = await InsertAsync(w, checkedFile.Staged!, input.Kind, list.Id, ct);
            await w.FlushAsync(ct);
            insertTook = Stopwatch.GetElapsedTime(inserting);
            var checking = Stopwatch.GetTimestamp();
            var settings = await PolicyStore.LoadValuesAsync(w.Db, ct);
            run = await CrossCheck.RunAsync(w.Db, w.Transaction, new CheckRequest(w.Today, w.Now, StatusPolicy.FromSettings(settings),
                VerificationPolicy.FromSettings(settings), null, user.Name, _ => $"新导入的{Labels.Of(input.Kind)}数据（{list.FileName}）已不再显示此疑点"), ct);
            checkTook = Stopwatch.GetElapsedTime(checking);
            w.SkipCrossCheck = true;
            w.Log(ActivityLog.Kinds.Admin, what,
                $"{list.Rows}行，匹配到登记成员{list.Matched}行；新疑点{run.Raised}条，疑点条件不再成立{run.Gone}条{(replaced > 0 ? "；替换了同月份的旧名单" : "")}");
            return null;
        }, ct);
        if (!written.Ok)
        {
            return ListImportResult.Fail(written.Problems[0]);
        }
        progress?.Report(("完成", 1));
        var unmatched = list.Rows - list.Matched;
        return new ListImportResult(true,
            $"已导入{Labels.Of(input.Kind)}数据{list.Rows}行（{input.DataMonth:yyyy年M月}），匹配到登记成员{list.Matched}行" +
            (unmatched > 0 ? $"，{unmatched}行不是登记的搬迁群众，未保存" : "") +
            $"；比对发现新疑点{run!.Raised}条，{run.Gone}条疑点条件不再成立" + (replaced > 0 ? "；已替换同月份此前导入的名单" : ""),
            [], list.Rows, list.Matched, 0, run)
        { Took = Stopwatch.GetElapsedTime(started), WriteLockHeld = written.Held, InsertTook = insertTook, CheckTook = checkTook };
    }

    /// <summary>The staged records are removed whatever the write's outcome.</summary>
    private sealed class Staged(string? path) : IDisposable
    {
        public void Dispose()
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
    }

    private sealed record CheckedFile(int Rows, IReadOnlyList<RosterProblem> Problems, int Count, IReadOnlySet<DateOnly> Months, string Sha256, string? Staged);

    /// <summary>
    /// Every row checked, streamed, and its record staged beside the upload as JSON, five thousand rows to a line, so
    /// the write replays the checked records instead of reading and parsing the file a second time; the file's hash
    /// is taken on the way. Nothing is staged once a problem is found.
    /// </summary>
    private static CheckedFile Check(string path, ListUploadInput input, ListTemplate template, VerificationPolicy policy, DateOnly today)
    {
        using var reader = ListReader.Open(path, input.FileName, template, policy.ListMaxMegabytes * 1024 * 1024);
        if (!reader.Readable)
        {
            return new CheckedFile(0, reader.Problems, reader.Problems.Count, new HashSet<DateOnly>(), "", null);
        }
        var staged = path + ".rows";
        using var stage = new StreamWriter(staged, false, new UTF8Encoding(false), 1 << 20);
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using var json = new Utf8JsonWriter(buffer);
        var pending = 0;
        void Flush()
        {
            json.WriteEndArray();
            json.Flush();
            stage.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
            json.Reset();
            pending = 0;
        }
        var problems = new List<RosterProblem>();
        var (count, rows) = (0, 0);
        var months = new HashSet<DateOnly>();
        var index = Index(reader.Headers);
        try
        {
            foreach (var (row, cells) in reader.Rows())
            {
                rows++;
                var (record, wrong) = ListTemplates.Parse(template, h => Cell(cells, index, h), input.DataMonth, today);
                foreach (var (column, message) in wrong)
                {
                    count++;
                    if (problems.Count < ShownProblems)
                    {
                        problems.Add(new RosterProblem(template.Name, row, column, message));
                    }
                }
                if (record?.Month is { } month)
                {
                    months.Add(month);
                }
                if (record is not null && count == 0)
                {
                    if (pending == 0)
                    {
                        json.WriteStartArray();
                    }
                    Write(json, record);
                    if (++pending == Batch)
                    {
                        Flush();
                    }
                }
            }
            if (pending > 0 && count == 0)
            {
                Flush();
            }
        }
        catch (System.Text.DecoderFallbackException)
        {
            count++;
            problems.Add(new RosterProblem(template.Name, rows + 2, null, "此处有无法识别的字符：文件编码不一致（支持UTF-8和GB18030/GBK），请整份另存为“CSV UTF-8”后重新导入"));
        }
        stage.Dispose();
        if (count > 0)
        {
            File.Delete(staged);
        }
        using var file = File.OpenRead(path);
        return new CheckedFile(rows, problems, count, months, Convert.ToHexStringLower(SHA256.HashData(file)), count > 0 ? null : staged);
    }

    private static Dictionary<string, int> Index(string[] headers) =>
        headers.Select((h, i) => (h, i)).Where(x => x.h.Length > 0).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);

    private static string Cell(string[] cells, Dictionary<string, int> index, string header) =>
        index.TryGetValue(header, out var i) && i < cells.Length ? RosterCells.Unquote(cells[i].Trim()) : "";

    /// <summary>
    /// The rows, five thousand at a time as one JSON array that SQLite unpacks itself (json_each), kept only when the
    /// ID number is a registered member (an indexed probe each): a department's list covers more people than the
    /// relocated, and the others are not kept. One parameter per five thousand rows instead of ten per row: binding
    /// parameters one by one cost four times what SQLite spends storing the rows. Returns how many were kept.
    /// </summary>
    private static async Task<int> InsertAsync(WriteContext w, string staged, DepartmentListKind kind, int listId, CancellationToken ct)
    {
        await using var insert = Command(w, """
            INSERT INTO DepartmentRecords (ListId, Kind, IdNumber, Organisation, Reference, Category, Month, "From", "To", Amount)
            SELECT $list, $kind, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7
            FROM json_each($rows) AS j
            WHERE EXISTS (SELECT 1 FROM Members m WHERE m.IdNumber = j.value ->> 0)
            """);
        Parameter(insert, "$list", listId);
        Parameter(insert, "$kind", (int)kind);
        var rows = insert.CreateParameter();
        rows.ParameterName = "$rows";
        insert.Parameters.Add(rows);
        var kept = 0;
        using var lines = new StreamReader(staged, Encoding.UTF8, false, 1 << 20);
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            rows.Value = line;
            kept += await insert.ExecuteNonQueryAsync(ct);
        }
        return kept;
    }

    private static void Write(Utf8JsonWriter json, DepartmentRecord r)
    {
        static void Text(Utf8JsonWriter json, string? text)
        {
            if (text is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStringValue(text);
            }
        }
        static void Day(Utf8JsonWriter json, DateOnly? d) => Text(json, d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray();
        json.WriteStringValue(r.IdNumber);
        Text(json, r.Organisation);
        Text(json, r.Reference);
        json.WriteNumberValue(r.Category);
        Day(json, r.Month);
        Day(json, r.From);
        Day(json, r.To);
        if (r.Amount is { } amount)
        {
            json.WriteNumberValue(amount);
        }
        else
        {
            json.WriteNullValue();
        }
        json.WriteEndArray();
    }

    private static DbCommand Command(WriteContext w, string text)
    {
        var command = w.Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = w.Transaction;
        command.CommandText = text;
        command.CommandTimeout = 0;
        return command;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>The file-size setting, so the page refuses a file too large before it crosses the wire.</summary>
    public async Task<long> MaxBytesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return VerificationPolicy.FromSettings(await PolicyStore.LoadValuesAsync(db, ct)).ListMaxMegabytes * 1024L * 1024L;
    }

    /// <summary>The lists imported, newest first, for the page.</summary>
    public async Task<IReadOnlyList<DepartmentList>> ListsAsync(CancellationToken ct = default)
    {
        var user = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.DepartmentLists.AsNoTracking();
        if (user.Role == Roles.Department)
        {
            query = query.Where(l => l.Department == user.Department);
        }
        else if (!user.ReadsWholeDistrict)
        {
            return [];
        }
        return await query.OrderByDescending(l => l.Id).Take(200).ToListAsync(ct);
    }
}
