using System.IO.Compression;
using System.Security.Cryptography;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Supervision;

/// <summary>A file as received: its name as the user had it, and its bytes.</summary>
public sealed record EvidenceUpload(string FileName, byte[] Content);

/// <summary>
/// Where evidence files live: a folder beside the database (data/evidence for data/relief.db), each file under a
/// generated name. A file is accepted only when its size is within the setting and its contents are the type its
/// name says (a .pdf must start as a PDF does, a .docx must be a Word package), so a renamed file is refused.
/// </summary>
public sealed class EvidenceStore(string root)
{
    public string Root { get; } = root;

    public static string DefaultRoot(string databaseFile) => Path.Combine(Path.GetDirectoryName(databaseFile) ?? ".", "evidence");

    /// <summary>Null when every file is acceptable, otherwise what is wrong with the first that is not, in Chinese.</summary>
    public static string? Problem(IReadOnlyList<EvidenceUpload> files, SupervisionPolicy policy)
    {
        if (files.Count > 10)
        {
            return "一次最多上传10个佐证文件";
        }
        foreach (var f in files)
        {
            var name = Path.GetFileName(f.FileName);
            var ext = Extension(name);
            if (f.Content.Length == 0)
            {
                return $"文件“{name}”是空文件";
            }
            if (SizeProblem(name, f.Content.LongLength, policy) is { } tooBig)
            {
                return tooBig;
            }
            if (ext is null || !policy.EvidenceTypes.Contains(ext))
            {
                return $"文件“{name}”的类型不允许，只能上传：{string.Join("、", policy.EvidenceTypes)}";
            }
            if (!LooksLike(ext, f.Content))
            {
                return $"文件“{name}”的内容与扩展名.{ext}不符，请上传真实的{ext}文件";
            }
        }
        return null;
    }

    /// <summary>
    /// The files a user chose in a page, read into memory; a file over the size setting is refused before its bytes
    /// cross the wire, and then none is kept. The type checks are the service's (<see cref="Problem"/>).
    /// </summary>
    public static async Task<(List<EvidenceUpload> Files, string? Problem)> ReadAsync(IReadOnlyList<Microsoft.AspNetCore.Components.Forms.IBrowserFile> files,
        SupervisionPolicy policy)
    {
        var picked = new List<EvidenceUpload>();
        foreach (var file in files)
        {
            if (SizeProblem(file.Name, file.Size, policy) is { } tooBig)
            {
                return ([], tooBig);
            }
            await using var stream = file.OpenReadStream(policy.EvidenceMaxMegabytes * 1024L * 1024L);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            picked.Add(new EvidenceUpload(file.Name, buffer.ToArray()));
        }
        return (picked, null);
    }

    /// <summary>The size check alone, so a page can refuse a large file before reading it.</summary>
    public static string? SizeProblem(string name, long size, SupervisionPolicy policy) =>
        size > policy.EvidenceMaxMegabytes * 1024L * 1024L ? $"文件“{Path.GetFileName(name)}”超过{policy.EvidenceMaxMegabytes}MB，请压缩后再上传" : null;

    /// <summary>The type from the name: jpeg counts as jpg.</summary>
    public static string? Extension(string fileName)
    {
        var ext = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            "jpeg" => "jpg",
            "" => null,
            _ => ext,
        };
    }

    public static string ContentType(string ext) => ext switch
    {
        "pdf" => "application/pdf",
        "jpg" => "image/jpeg",
        "png" => "image/png",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    private static bool LooksLike(string ext, byte[] b) => ext switch
    {
        "pdf" => b.AsSpan().StartsWith("%PDF-"u8),
        "jpg" => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF,
        "png" => b.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        "docx" => IsPackage(b, "word/"),
        "xlsx" => IsPackage(b, "xl/"),
        _ => false,
    };

    /// <summary>An Office package: a zip holding [Content_Types].xml and the part folder of its kind.</summary>
    private static bool IsPackage(byte[] b, string folder)
    {
        if (!b.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(b), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Writes the files and returns their records; on any failure removes what it wrote and rethrows.</summary>
    public async Task<List<FlagEvidence>> WriteAsync(IReadOnlyList<EvidenceUpload> files, string user, DateTime at, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var written = new List<FlagEvidence>();
        try
        {
            foreach (var f in files)
            {
                var ext = Extension(f.FileName)!;
                var stored = $"{Guid.NewGuid():N}.{ext}";
                await File.WriteAllBytesAsync(Path.Combine(Root, stored), f.Content, ct);
                written.Add(new FlagEvidence
                {
                    FileName = Path.GetFileName(f.FileName),
                    StoredName = stored,
                    ContentType = ContentType(ext),
                    Size = f.Content.LongLength,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)),
                    UploadedBy = user,
                    UploadedAt = at,
                });
            }
            return written;
        }
        catch
        {
            Delete(written);
            throw;
        }
    }

    public void Delete(IEnumerable<FlagEvidence> files)
    {
        foreach (var f in files)
        {
            File.Delete(Path.Combine(Root, f.StoredName));
        }
    }

    public string PathOf(FlagEvidence file) => Path.Combine(Root, file.StoredName);

    /// <summary>How many files the folder holds: tests read it to prove a refused upload stored nothing.</summary>
    public int Count() => Directory.Exists(Root) ? Directory.GetFiles(Root).Length : 0;
}
