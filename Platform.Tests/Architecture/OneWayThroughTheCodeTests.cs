using Platform.Api.Infrastructure;
using Platform.Tests.Cluster;

namespace Platform.Tests.Architecture;

/// <summary>
/// The shape docs/architecture.md describes, checked on the source: pages and endpoints are two faces over the same
/// handlers and readers, so no page calls an endpoint; the event store's concurrency conflict is caught in one place.
/// </summary>
public class OneWayThroughTheCodeTests
{
    private static readonly string Api = Path.Combine(ClusterPaths.Repository, "Platform.Api");

    [Fact]
    public void No_page_references_an_endpoint_class()
    {
        var endpoints = typeof(StreamWrite).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Endpoint", StringComparison.Ordinal) || t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .Select(t => t.Name)
            .Distinct()
            .ToList();
        Assert.NotEmpty(endpoints);

        var found = SourceFiles(Path.Combine(Api, "Pages"), "*.cs", "*.cshtml")
            .SelectMany(file => endpoints
                .Where(name => Regex.IsMatch(File.ReadAllText(file), $@"\b{name}\b"))
                .Select(name => $"{Path.GetRelativePath(ClusterPaths.Repository, file)}: {name}"))
            .ToList();

        Assert.True(found.Count == 0, "Pages call handlers and readers, not endpoints:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_event_stores_concurrency_conflict_is_caught_in_one_place()
    {
        var catching = SourceFiles(Api, "*.cs")
            .Where(file => Regex.IsMatch(File.ReadAllText(file), @"catch\s*\([^)]*\)\s*when\s*\([^)]*IsStreamConflict"))
            .Select(file => Path.GetRelativePath(Api, file).Replace('\\', '/'))
            .ToList();

        Assert.Equal(["Infrastructure/StreamWrite.cs"], catching);
    }

    private static IEnumerable<string> SourceFiles(string folder, params string[] patterns) =>
        patterns.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
}
