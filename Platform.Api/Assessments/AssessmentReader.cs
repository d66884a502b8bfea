using Platform.Domain.Assessments;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>Reads assessments from their views, applying who may see what (drafts and reviews in progress).</summary>
public sealed class AssessmentReader(FrameworkCatalogue framework)
{
    /// <summary>The cycle's details, or null when there is none or the caller may not see it (a draft of another city).</summary>
    public async Task<AssessmentDetails?> FindAsync(IQuerySession session, string city, string? cycle, AssessmentCaller caller, CancellationToken cancellation)
    {
        var normalised = AssessmentRules.NormaliseCycle(cycle);
        if (normalised is null) return null;
        var view = await session.LoadAsync<AssessmentView>(AssessmentStream.Id(city, normalised), cancellation);
        return view is null || !MaySee(view, caller) ? null : Details(view, caller);
    }

    /// <summary>
    /// The city's public recognition: the highest level held (latest award first among equals), every award, and the way
    /// there: its stage (<see cref="RecognitionStage.Candidate"/> derived from its declaration and its first cycle, never
    /// awarded), its declaration, and the rules its latest public cycle does not meet yet for the next level.
    /// </summary>
    public static async Task<CityRecognition> RecognitionAsync(IQuerySession session, string city, CancellationToken cancellation)
    {
        var views = await session.Query<AssessmentView>().ToListAsync(cancellation);
        var awards = views.Where(v => v.Stage == AssessmentStage.Reviewed).SelectMany(v => v.Recognitions).OrderByDescending(r => r.AwardedAt).ToArray();
        var current = Current(awards);
        var declaration = await session.LoadAsync<CommitmentDeclaration>(AssessmentStream.Declaration(city), cancellation);
        DateTimeOffset? firstStarted = views.Count == 0 ? null : views.Min(v => v.StartedAt);
        var (stage, since) = RecognitionStages.Of(declaration?.DeclaredAt, firstStarted, current?.Level);
        var next = RecognitionStages.Next(stage);
        // A draft is private: what the next level needs is read from the latest submitted cycle, or from none.
        var latest = views.Where(v => v.Stage != AssessmentStage.Draft).OrderByDescending(v => v.StartedAt).FirstOrDefault();
        UnmetRule[] unmet = [];
        if (next is { } level)
        {
            var assessment = latest is null ? null : await session.LoadAsync<Assessment>(latest.Id, cancellation);
            assessment ??= new Assessment(Guid.Empty, city, "", FrameworkCatalogue.Default.Version, AssessmentStage.Draft,
                new Dictionary<string, AssessmentLevel>(), null, [], [], []);
            unmet = RecognitionRules.Unmet(assessment, level, FrameworkCatalogue.Default).Select(e => new UnmetRule(e.Code, e.Message)).ToArray();
        }
        return new CityRecognition(city, current, awards, stage, since,
            declaration is null ? null : new DeclarationDetails(declaration.DecidedOn, declaration.DecisionUrl, declaration.DeclaredAt),
            firstStarted, next, latest?.Cycle, unmet);
    }

    /// <summary>The recognition a city holds among its awards: the highest level, the latest award first among equals.</summary>
    private static RecognitionView? Current(IEnumerable<RecognitionView> awards) =>
        awards.OrderByDescending(r => r.Level).ThenByDescending(r => r.AwardedAt).FirstOrDefault();

    /// <summary>
    /// The current recognition of each of <paramref name="cities"/> (as <see cref="RecognitionAsync"/> answers it), in one
    /// query across the cities' tenants that reads only the awards of reviewed cycles: for the network page.
    /// </summary>
    public static async Task<Dictionary<string, RecognitionView?>> CurrentRecognitionsAsync(IQuerySession session, IReadOnlyCollection<string> cities,
        CancellationToken cancellation)
    {
        var slugs = cities.ToArray();
        var reviewed = await session.Query<AssessmentView>()
            .Where(v => v.AnyTenant() && v.Stage == AssessmentStage.Reviewed && slugs.Contains(v.City))
            .Select(v => new ReviewedAwards { City = v.City, Recognitions = v.Recognitions }).ToListAsync(cancellation);
        var byCity = reviewed.ToLookup(r => r.City, StringComparer.Ordinal);
        return slugs.ToDictionary(c => c, c => Current(byCity[c].SelectMany(r => r.Recognitions)), StringComparer.Ordinal);
    }

    /// <summary>What the network page reads of a reviewed cycle.</summary>
    private sealed class ReviewedAwards
    {
        public string City { get; set; } = "";
        public List<RecognitionView> Recognitions { get; set; } = [];
    }

    public static bool MaySee(AssessmentView view, AssessmentCaller caller) =>
        view.Stage != AssessmentStage.Draft || caller.IsOfficialOf(view.City);

    public AssessmentDetails Details(AssessmentView view, AssessmentCaller caller)
    {
        var assessed = view.Items.ToDictionary(i => i.Item);
        var items = framework.Items.Select(i => assessed.TryGetValue(i.Code, out var a)
            ? new ItemDetails(i.Code, i.Section, i.Text, a.Level, a.Evidence, a.Note, a.AssessedAt)
            : new ItemDetails(i.Code, i.Section, i.Text, null, [], null, null)).ToArray();

        ReviewDetails? review = null;
        if (view.ReviewerCity is { } reviewer)
        {
            var open = view.ReviewSubmittedAt is not null || caller.IsOfficialOf(reviewer);
            review = new ReviewDetails(reviewer, view.ReviewerAssignedAt!.Value, view.ReviewSubmittedAt,
                open ? [.. view.Findings] : [], open ? [.. view.Recommendations] : []);
        }
        return new AssessmentDetails(view.Id, view.City, view.Cycle, view.FrameworkVersion, view.Stage, view.StartedAt, view.SubmittedAt,
            items, items.Where(i => i.Level is null).Select(i => i.Item).ToArray(), review, [.. view.Recognitions], view.Sequence);
    }

    public static AssessmentSummary Summary(AssessmentView v) =>
        new(v.Id, v.City, v.Cycle, v.Stage, v.StartedAt, v.SubmittedAt, v.ReviewerCity, v.Recognitions.Select(r => r.Level).ToArray(), v.Sequence);
}
