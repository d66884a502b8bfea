using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Api.GoodPractices;
using Platform.Api.Monitoring;
using Platform.Domain.Concerns;
using Platform.Domain.Commitments;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Api.KnowYourRights;

/// <summary>
/// A right of the reference catalogue as residents of one city read it: the articles of the UDHR and of the EU Charter it
/// rests on, and in that city the concerns, commitments and indicators about it (the latest of each list, with how many
/// there are), the city's good practices on it, and where to raise a concern about it.
/// </summary>
public sealed record CityRightDetails(
    string City,
    string Code,
    string Name,
    IReadOnlyList<Article> Udhr,
    IReadOnlyList<Article> EuCharter,
    IReadOnlyList<string> OhchrAttributes,
    long ConcernCount,
    IReadOnlyList<RightConcern> Concerns,
    long CommitmentCount,
    IReadOnlyList<RightCommitment> Commitments,
    IReadOnlyList<RightIndicator> Indicators,
    IReadOnlyList<RightPractice> Practices,
    string RaiseConcern);

public sealed record RightConcern(Guid Id, string Title, ConcernStatus Status, long Supports, DateTimeOffset RaisedAt, string Url);

public sealed record RightCommitment(Guid Id, string Title, CommitmentStatus Status, int Progress, DateOnly DueDate, string Url);

public sealed record RightIndicator(string Code, string Name, PeriodValue? Latest, ProgressStatus Status, string Url);

public sealed record RightPractice(Guid Id, string Title, string Url);

/// <summary>Reads a right in a city through the features' own readers (the same lists their pages show, filtered by the right).</summary>
public sealed class CityRightReader(ConcernReader concerns, CommitmentReader commitments, MonitoringReader monitoring, GoodPracticeReader practices)
{
    /// <summary>How many of the latest concerns and commitments a right's page lists (the counts say how many there are).</summary>
    public const int Listed = 10;

    /// <summary>The right <paramref name="code"/> in <paramref name="city"/> (the session's tenant), null when the catalogue has no such right.</summary>
    public async Task<CityRightDetails?> ReadAsync(IQuerySession session, string city, string code, CancellationToken cancellation)
    {
        if (!ReferenceCatalogue.Default.Rights.TryGetValue(code, out var right)) return null;
        var (concernItems, concernTotal) = await concerns.ListAsync(city, new ConcernQuery(Right: code, PageSize: Listed), null, cancellation);
        var (commitmentItems, commitmentTotal) = await commitments.ListAsync(session, city, new CommitmentQuery(Right: code, PageSize: Listed), cancellation);
        var indicators = (await monitoring.ListAsync(session, city, cancellation)).Indicators.Where(i => i.Right == code).ToList();
        var library = await practices.LibraryAsync(session, new PracticeQuery(Right: code, City: city, PageSize: PracticeQuery.MaxPageSize), cancellation);
        return new CityRightDetails(city, right.Code, right.Name,
            right.UdhrArticles.Select(a => Articles.Udhr.GetValueOrDefault(a) ?? new Article(a, "")).ToList(),
            right.EuCharterArticles.Select(a => Articles.EuCharter.GetValueOrDefault(a) ?? new Article(a, "")).ToList(),
            right.OhchrAttributes,
            concernTotal,
            concernItems.Select(c => new RightConcern(c.Id, c.Title, c.Status, c.Supports, c.RaisedAt, $"/cities/{city}/concerns/{c.Id}")).ToList(),
            commitmentTotal,
            commitmentItems.Select(c => new RightCommitment(c.Id, c.Title, c.Status, c.Progress, c.DueDate, $"/cities/{city}/commitments/{c.Id}")).ToList(),
            indicators.Select(i => new RightIndicator(i.Code, i.Name, i.Latest, i.Progress.Status, $"/cities/{city}/indicators/{i.Code}")).ToList(),
            library.Items.Select(p => new RightPractice(p.Id, p.Title, $"/network/practices/{p.Id}")).ToList(),
            $"/cities/{city}/concerns/new?right={code}");
    }
}

/// <summary>The rights of the catalogue as they stand in a city.</summary>
public static class CityRightEndpoints
{
    /// <summary>A right in the city: its articles, and the city's concerns, commitments, indicators and good practices about it; 404 for a code the catalogue lacks.</summary>
    [WolverineGet("/api/cities/{city}/rights/{code}", OperationId = "getCityRight")]
    public static async Task<IResult> Get(string city, string code, IQuerySession session, CityRightReader reader, CancellationToken cancellation) =>
        await reader.ReadAsync(session, city, code, cancellation) is { } right ? Results.Ok(right) : Problems.NotFound("right");
}
