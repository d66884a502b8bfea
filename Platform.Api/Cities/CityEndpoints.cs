using System.Text.RegularExpressions;
using Platform.Domain.Reference;

namespace Platform.Api.Cities;

/// <summary>Register a city in the network.</summary>
public sealed record RegisterCity(string? Slug, Dictionary<string, string>? Names, string[]? Languages, string? TimeZone,
    long? Population, CitySettings? Settings);

/// <summary>The network's cities: public reads; registration and settings by network administrators.</summary>
public static partial class CityEndpoints
{
    [WolverineGet("/api/cities", OperationId = "listCities")]
    public static Task<IReadOnlyList<City>> List(IQuerySession session, CancellationToken cancellation) =>
        CityDirectory.ListAsync(session, cancellation);

    [WolverineGet("/api/cities/{city}", OperationId = "getCity")]
    public static async Task<IResult> Get(string city, CityDirectory cities, CancellationToken cancellation) =>
        await cities.FindAsync(city, cancellation) is { } found ? Results.Ok(found) : Problems.NotFound("city");

    [WolverinePost("/api/cities", OperationId = "registerCity")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static async Task<IResult> Register(RegisterCity command, IDocumentSession session, CityDirectory cities, TimeProvider clock, CancellationToken cancellation)
    {
        var errors = Validate(command);
        if (errors.Count > 0) return Problems.Result(errors);
        if (await cities.ExistsAsync(command.Slug!, cancellation))
            return Problems.Result([DomainError.Conflict("city-exists", $"The city '{command.Slug}' is registered already.") with { Field = "slug" }]);

        var city = new City
        {
            Id = command.Slug!,
            Names = command.Names!,
            Languages = command.Languages is { Length: > 0 } languages ? languages : ["en"],
            TimeZone = command.TimeZone!,
            Population = command.Population,
            Settings = command.Settings ?? new CitySettings(),
            RegisteredAt = clock.GetUtcNow(),
        };
        session.Insert(city);
        await session.SaveChangesAsync(cancellation);
        cities.Forget(city.Id);
        return Results.Created($"/api/cities/{city.Id}", city);
    }

    [WolverinePut("/api/cities/{city}/settings", OperationId = "changeCitySettings")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static async Task<IResult> ChangeSettings(string city, CitySettings settings, IDocumentSession session, CityDirectory cities, CancellationToken cancellation)
    {
        var errors = ValidateSettings(settings, "settings.").ToList();
        if (errors.Count > 0) return Problems.Result(errors);
        var found = await session.LoadAsync<City>(city, cancellation);
        if (found is null) return Problems.NotFound("city");
        found.Settings = settings;
        session.Store(found);
        await session.SaveChangesAsync(cancellation);
        cities.Forget(city);
        return Results.Ok(found);
    }

    private static List<DomainError> Validate(RegisterCity c)
    {
        var errors = new List<DomainError>();
        if (c.Slug is null || !SlugPattern().IsMatch(c.Slug))
            errors.Add(DomainError.Invalid("slug", "A slug is 2 to 40 lower-case letters, digits or hyphens (such as 'york')."));
        if (c.Names is null || c.Names.Count == 0 || c.Names.Values.Any(string.IsNullOrWhiteSpace))
            errors.Add(DomainError.Invalid("names", "Give the city's name in at least one language, e.g. { \"en\": \"York\" }."));
        else
            foreach (var language in c.Names.Keys.Where(k => !LanguageCodes.IsKnown(k)))
                errors.Add(DomainError.Invalid($"names.{language}", $"'{language}' is not a language code (such as en, fr or uk)."));
        if (c.Languages is { } languages)
            for (var i = 0; i < languages.Length; i++)
                if (!LanguageCodes.IsKnown(languages[i]))
                    errors.Add(DomainError.Invalid($"languages[{i}]", $"'{languages[i]}' is not a language code (such as en, fr or uk)."));
        if (c.TimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZone, out _))
            errors.Add(DomainError.Invalid("timeZone", "Give an IANA time zone such as Europe/London."));
        if (c.Population is <= 0)
            errors.Add(DomainError.Invalid("population", "The population is a positive number."));
        if (c.Settings is not null) errors.AddRange(ValidateSettings(c.Settings, "settings."));
        return errors;
    }

    private static IEnumerable<DomainError> ValidateSettings(CitySettings s, string prefix)
    {
        if (s.ConcernResponseDays is < 1 or > 365) yield return DomainError.Invalid(prefix + "concernResponseDays", "Between 1 and 365 days.");
        if (s.ProposalSupportThreshold is < 1 or > 1_000_000) yield return DomainError.Invalid(prefix + "proposalSupportThreshold", "Between 1 and 1,000,000 supports.");
        if (s.ProposalDecisionDays is < 1 or > 365) yield return DomainError.Invalid(prefix + "proposalDecisionDays", "Between 1 and 365 days.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();
}
