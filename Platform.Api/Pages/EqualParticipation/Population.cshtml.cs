using System.Text.RegularExpressions;
using Platform.Api.EqualParticipation;
using Platform.Domain.EqualParticipation;

namespace Platform.Api.Pages.EqualParticipation;

/// <summary>
/// The council's form of the city's population shares (docs/participation.md): a percentage per group of each fixed
/// dimension, the districts one per line ("name: percentage"), and the source. It goes to the <see cref="PopulationHandler"/>
/// the API uses; a refusal shows next to the field at fault. Officials of the city only.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed partial class PopulationModel(CityDirectory directory, IDocumentStore store, PopulationHandler handler, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    /// <summary>The form's values by field name (<c>share.gender.woman</c>, <c>districts</c>, <c>source.name</c>...).</summary>
    public Dictionary<string, string> Values { get; } = [];

    public static string ShareField(string dimension, string group) => $"share.{dimension}.{group}";

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await PopulationHandler.FindAsync(session, cancellation) is not { } shares) return;
        foreach (var share in shares.Shares.Where(s => s.Dimension != ProfileRules.District))
            Values[ShareField(share.Dimension, share.Group)] = share.Percent.ToString(CultureInfo.InvariantCulture);
        Values["districts"] = string.Join("\n", shares.Shares.Where(s => s.Dimension == ProfileRules.District)
            .Select(s => $"{s.Group}: {s.Percent.ToString(CultureInfo.InvariantCulture)}"));
        Values["source.name"] = shares.Source.Name;
        Values["source.year"] = shares.Source.Year.ToString(CultureInfo.InvariantCulture);
        Values["source.url"] = shares.Source.Url ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var form = Request.Form;
        foreach (var key in form.Keys) Values[key] = form[key].ToString();
        // Each share the form sends, with the field it came from (a refusal of shares[i] shows next to it).
        var shares = new List<(PopulationShareInput Share, string Field)>();
        foreach (var dimension in ProfileRules.Dimensions)
            foreach (var group in ProfileRules.GroupsOf(dimension) ?? [])
                if (Value(ShareField(dimension, group)) is { } percent)
                    shares.Add((new PopulationShareInput(dimension, group, Percent(percent)), ShareField(dimension, group)));
        foreach (var line in (Value("districts") ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var match = DistrictLine().Match(line);
            shares.Add((match.Success
                ? new PopulationShareInput(ProfileRules.District, match.Groups[1].Value, Percent(match.Groups[2].Value))
                : new PopulationShareInput(ProfileRules.District, line, null), "districts"));
        }
        var year = int.TryParse(Value("source.year"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        var request = new PopulationRequest(shares.Select(s => (PopulationShareInput?)s.Share).ToList(),
            new PopulationSourceInput(Value("source.name"), year, Value("source.url")));

        await using var session = store.LightweightSession(CitySlug);
        var (saved, errors) = await handler.SaveAsync(session, User.AccountId(), request, cancellation);
        return await ShowAnswerAsync(saved is null ? Problems.Result(errors) : Results.NoContent(), text["Participation.Population.Saved"],
            () => Task.FromResult(true), text, field => FormField(field, shares.Select(s => s.Field).ToList()));
    }

    /// <summary>The form field of an API field: <c>shares[2].percent</c> is the input the third share came from.</summary>
    private static string FormField(string apiField, IReadOnlyList<string> fields)
    {
        var match = ShareIndex().Match(apiField);
        return match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var i && i < fields.Count ? fields[i]
            : apiField == "shares" ? "districts" : apiField;
    }

    private string? Value(string field) => Values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A percentage as typed (a decimal point or comma); null when it is no number, which the decider refuses.</summary>
    private static double? Percent(string text) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^(.+?)\s*:\s*([0-9]+(?:[.,][0-9]+)?)\s*%?$")]
    private static partial Regex DistrictLine();

    [GeneratedRegex(@"^shares\[(\d+)\]")]
    private static partial Regex ShareIndex();
}
