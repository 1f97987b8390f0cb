using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Architecture;

/// <summary>
/// The folders' dependencies, read from the compiled assembly: the domain depends on nothing, the data layer on the
/// domain only, and no two folders depend on each other in a circle (a feature reads shared figures from Figures/,
/// writes through Writes/, never through another feature that reads it back).
/// </summary>
public partial class ArchitectureTests
{
    private static readonly Assembly App = typeof(Data.ReliefDbContext).Assembly;

    /// <summary>A folder of the app: its namespace, and the namespaces below it that belong to it.</summary>
    public static string ModuleOf(string ns) => ModulePattern().Match(ns) is { Success: true } m ? m.Value : ns;

    [GeneratedRegex(@"^ReliefDashboard(\.(Features|Components)\.[A-Za-z]+|\.(?!Features\b|Components\b)[A-Za-z]+)?")]
    private static partial Regex ModulePattern();

    private static readonly Lazy<Dictionary<string, HashSet<string>>> Graph = new(BuildGraph);

    /// <summary>Which folder depends on which, found by NetArchTest for every pair of folders.</summary>
    private static Dictionary<string, HashSet<string>> BuildGraph()
    {
        var modules = App.GetTypes().Where(t => t.Namespace is not null && !t.IsNested && t.Namespace.StartsWith("ReliefDashboard", StringComparison.Ordinal))
            .GroupBy(t => ModuleOf(t.Namespace!))
            .Where(g => g.Key != "ReliefDashboard") // Program.cs, the composition root, may know everything
            .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!).ToArray());
        var graph = modules.Keys.ToDictionary(m => m, _ => new HashSet<string>());
        var types = Types.InAssembly(App);
        foreach (var (from, _) in modules)
        {
            foreach (var (to, names) in modules)
            {
                if (from == to)
                {
                    continue;
                }
                var result = types.That().ResideInNamespaceMatching($"^{Regex.Escape(from)}(\\.|$)").Should().NotHaveDependencyOnAny(names).GetResult();
                if (!result.IsSuccessful)
                {
                    graph[from].Add(to);
                }
            }
        }
        return graph;
    }

    /// <summary>A shortest circle through the folders, or null when there is none.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            // Breadth-first from each folder back to itself gives the shortest circle through it.
            var previous = new Dictionary<string, string>();
            var queue = new Queue<string>(graph[start].Order(StringComparer.Ordinal));
            foreach (var next in graph[start])
            {
                previous[next] = start;
            }
            while (queue.Count > 0)
            {
                var at = queue.Dequeue();
                if (at == start)
                {
                    var path = new List<string> { start };
                    for (var step = previous[start]; step != start; step = previous[step])
                    {
                        path.Insert(0, step);
                    }
                    path.Insert(0, start);
                    return path;
                }
                foreach (var next in graph.GetValueOrDefault(at, []).Order(StringComparer.Ordinal))
                {
                    if (previous.TryAdd(next, at))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
        }
        return null;
    }

    [Fact]
    public void NoTwoFolders_DependOnEachOtherInACircle()
    {
        var cycle = FindCycle(Graph.Value);
        Assert.True(cycle is null, $"Folders depend on each other in a circle: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void TheCycleCheck_FindsACircleWhenOneIsAdded()
    {
        // The real graph with one more edge, as a feature reading another feature that reads it back would add.
        var graph = Graph.Value.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value));
        graph["ReliefDashboard.Figures"].Add("ReliefDashboard.Features.Overview");
        var cycle = FindCycle(graph);
        Assert.NotNull(cycle);
        Assert.Contains("ReliefDashboard.Figures", cycle);
        Assert.Contains("ReliefDashboard.Features.Overview", cycle);
    }

    [Fact]
    public void TheDomain_DependsOnNothingElseOfTheApp_NorOnEfOrTheUi()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("ReliefDashboard.Domain").Should()
            .NotHaveDependencyOnAny(Graph.Value.Keys.Where(m => m != "ReliefDashboard.Domain").Append("Microsoft.EntityFrameworkCore")
                .Append("MudBlazor").Append("Microsoft.AspNetCore").ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, "Domain/ depends on: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheDataLayer_DependsOnTheDomainOnly()
    {
        Assert.Equal(["ReliefDashboard.Domain"], Graph.Value["ReliefDashboard.Data"].Order());
    }

    [Fact]
    public void TheSharedFiguresAndTheWritePipeline_DependOnNoFeature()
    {
        foreach (var shared in new[] { "ReliefDashboard.Figures", "ReliefDashboard.Writes", "ReliefDashboard.Realtime" })
        {
            Assert.DoesNotContain(Graph.Value[shared], m => m.StartsWith("ReliefDashboard.Features", StringComparison.Ordinal));
        }
    }
}
