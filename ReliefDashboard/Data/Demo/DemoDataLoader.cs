using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data.Demo;

/// <summary>Writes a generated district into an empty database in one transaction, a chunk at a time.</summary>
public static class DemoDataLoader
{
    private const int ChunkSize = 2000;

    public static async Task<int> LoadAsync(ReliefDbContext db, int households, DateOnly asOf, CancellationToken ct = default)
    {
        if (await db.Households.AnyAsync(ct) || await db.Towns.AnyAsync(ct))
        {
            throw new InvalidOperationException("数据库中已有辖区数据，演示数据只能载入空数据库。");
        }
        var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
        var generator = new DemoDistrictGenerator(households, asOf, policy);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var towns = DemoDistrictGenerator.BuildTowns();
        db.Towns.AddRange(towns);
        await db.SaveChangesAsync(ct);

        var written = 0;
        var chunk = new List<Household>(ChunkSize);
        foreach (var h in generator.Households(towns))
        {
            chunk.Add(h);
            if (chunk.Count == ChunkSize)
            {
                written += await WriteChunkAsync(db, chunk, ct);
            }
        }
        written += await WriteChunkAsync(db, chunk, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return written;
    }

    private static async Task<int> WriteChunkAsync(ReliefDbContext db, List<Household> chunk, CancellationToken ct)
    {
        db.Households.AddRange(chunk);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // Town and site entities stay referenced by later households only through their ids.
        var count = chunk.Count;
        chunk.Clear();
        return count;
    }
}
