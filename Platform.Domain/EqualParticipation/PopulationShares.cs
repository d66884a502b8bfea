namespace Platform.Domain.EqualParticipation;

/// <summary>The share of the city's population in one group of one dimension (women: gender/woman, 51 %).</summary>
public sealed record PopulationShare(string Dimension, string Group, double Percent);

/// <summary>Where the shares come from: a census, a register, a survey; its year and, where it is published, a link.</summary>
public sealed record PopulationSource(string Name, int Year, string? Url);

/// <summary>
/// The population shares of a city, entered by its officials with their source (<see cref="PopulationDecider"/>): what
/// the participation breakdown compares who takes part with. One document per city; a new entry replaces the last.
/// </summary>
public sealed class PopulationShares
{
    /// <summary>The city's slug.</summary>
    public string Id { get; set; } = "";
    public List<PopulationShare> Shares { get; set; } = [];
    public PopulationSource Source { get; set; } = new("", 0, null);
    public Guid EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>The city's own districts: the ones its shares name. Only these are published by name (any other answer is "other").</summary>
    public IReadOnlyList<string> Districts() => [.. Shares.Where(s => s.Dimension == ProfileRules.District).Select(s => s.Group)];
}

/// <summary>One share as a caller sends it.</summary>
public sealed record PopulationShareInput(string? Dimension, string? Group, double? Percent);

/// <summary>One source as a caller sends it.</summary>
public sealed record PopulationSourceInput(string? Name, int? Year, string? Url);

/// <summary>An official of <paramref name="City"/> enters its population shares and their source.</summary>
public sealed record SetPopulationShares(string City, Guid OfficialId, IReadOnlyList<PopulationShareInput?>? Shares, PopulationSourceInput? Source);

public static class PopulationDecider
{
    public const int MaxShares = 100;
    public const int SourceNameMaxLength = 200;
    public const int UrlMaxLength = 500;
    public const int FirstYear = 1900;

    /// <summary>The city's shares to store, or the errors naming each field at fault (<c>shares[2].percent</c>, <c>source.year</c>).</summary>
    public static (PopulationShares? Shares, IReadOnlyList<DomainError> Errors) Decide(SetPopulationShares command, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        var shares = new List<PopulationShare>();
        if (command.Shares is null || command.Shares.Count == 0) errors.Add(DomainError.Invalid("shares", "Enter at least one population share."));
        else if (command.Shares.Count > MaxShares) errors.Add(DomainError.Invalid("shares", $"Enter at most {MaxShares} population shares."));
        else
            for (var i = 0; i < command.Shares.Count; i++)
                if (Share(command.Shares[i], $"shares[{i}]", errors) is { } share)
                {
                    if (shares.Any(s => s.Dimension == share.Dimension && string.Equals(s.Group, share.Group, StringComparison.OrdinalIgnoreCase)))
                        errors.Add(DomainError.Invalid($"shares[{i}].group", "This group has a share already."));
                    else shares.Add(share);
                }
        foreach (var dimension in shares.GroupBy(s => s.Dimension).Where(d => d.Sum(s => s.Percent) > 100.05))
            errors.Add(DomainError.Invalid("shares", $"The shares of {dimension.Key} add up to more than 100 %."));

        var source = command.Source;
        var name = Check.RequiredError(source?.Name, "source.name", SourceNameMaxLength);
        if (name is not null) errors.Add(name);
        if (source?.Year is not { } year || year < FirstYear || year > now.Year)
            errors.Add(DomainError.Invalid("source.year", $"The year of the source is between {FirstYear} and {now.Year}."));
        var url = Check.Url(source?.Url, "source.url", UrlMaxLength, required: false, "", "The link of the source is an http or https address.", errors);
        if (errors.Count > 0) return (null, errors);

        return (new PopulationShares
        {
            Id = command.City,
            Shares = shares,
            Source = new PopulationSource(source!.Name!.Trim(), source.Year!.Value, url),
            EnteredBy = command.OfficialId,
            EnteredAt = now,
        }, errors);
    }

    private static PopulationShare? Share(PopulationShareInput? input, string field, List<DomainError> errors)
    {
        if (input is null)
        {
            errors.Add(DomainError.Invalid(field, "A share is a dimension, a group and a percentage."));
            return null;
        }
        var before = errors.Count;
        var dimension = Check.Optional(input.Dimension);
        if (!ProfileRules.IsDimension(dimension))
            errors.Add(DomainError.Invalid($"{field}.dimension", $"The dimension is one of {string.Join(", ", ProfileRules.Dimensions)}."));
        var group = Check.Optional(input.Group);
        if (group is null) errors.Add(DomainError.Invalid($"{field}.group", "Name the group."));
        else if (dimension is not null && ProfileRules.GroupsOf(dimension) is { } groups && !groups.Contains(group))
            errors.Add(DomainError.Invalid($"{field}.group", $"The groups of {dimension} are {string.Join(", ", groups)}."));
        else if (group.Length > ProfileRules.DistrictMaxLength)
            errors.Add(DomainError.Invalid($"{field}.group", $"A group's name has at most {ProfileRules.DistrictMaxLength} characters."));
        if (input.Percent is not { } percent || double.IsNaN(percent) || percent < 0 || percent > 100)
            errors.Add(DomainError.Invalid($"{field}.percent", "The share is a percentage between 0 and 100."));
        return errors.Count > before ? null : new PopulationShare(dimension!, group!, Math.Round(input.Percent!.Value, 2));
    }
}
