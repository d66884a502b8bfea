using System.Text.RegularExpressions;
using Platform.Domain.Reference;

namespace Platform.Domain.Monitoring;

/// <summary>
/// Network administrators add indicators to the catalogue and revise them. A revision gets the next version
/// number; measurements keep the version they were recorded under.
/// </summary>
public static partial class CatalogueDecider
{
    /// <summary>A new indicator (version 1), refused when the code is in the catalogue (<paramref name="existing"/>).</summary>
    public static Decision Decide(AddIndicator command, IndicatorDefinition? existing, DateTimeOffset now)
    {
        if (existing is not null)
            return Decision.Refuse(DomainError.Conflict("indicator-exists", $"{existing.Code} is in the catalogue already; revise it with PUT."));
        var errors = new List<DomainError>();
        var definition = Define(command.Input, version: 1, errors, prefix: "");
        return definition is null ? Decision.Refuse(errors) : Decision.Accept(new IndicatorCatalogued(definition, command.AdministratorId, now));
    }

    /// <summary>The next revision of <paramref name="current"/>: fields left out keep their current values; the code never changes.</summary>
    public static Decision Decide(ReviseIndicator command, IndicatorDefinition? current, DateTimeOffset now)
    {
        var input = command.Input;
        if (input.Code is { Length: > 0 } renamed && renamed.Trim() != command.Code)
            return Decision.Refuse(DomainError.Invalid("code", "An indicator's code cannot change; add a new indicator instead."));
        if (current is null) return Decision.Refuse(DomainError.NotFound("indicator"));
        if (PlatformIndicators.IsComputed(command.Code)) return Decision.Refuse(PlatformIndicators.Computed(command.Code));
        var merged = new IndicatorInput(
            current.Code,
            input.Name ?? current.Name,
            input.Right ?? current.Right,
            input.Attribute ?? current.Attribute,
            input.Type ?? current.Type.ToString(),
            input.Unit ?? current.Unit,
            input.UnitKind ?? UnitKinds.Name(current.UnitKind),
            input.RateBase ?? current.RateBase,
            input.Direction ?? current.Direction.ToString(),
            input.Source ?? current.Source.ToString(),
            input.Disaggregations ?? current.Disaggregations,
            input.SdgCodes ?? current.SdgCodes,
            input.Origin ?? current.Origin,
            input.Core ?? current.Core);
        var errors = new List<DomainError>();
        var definition = Define(merged, current.Version + 1, errors, prefix: "");
        return definition is null
            ? Decision.Refuse(errors)
            : Decision.Accept(new IndicatorCatalogued(definition with { SdgRelation = current.SdgRelation }, command.AdministratorId, now));
    }

    /// <summary>Checks an indicator as a client wrote it; field names get <paramref name="prefix"/> ("local.").</summary>
    public static IndicatorDefinition? Define(IndicatorInput input, int version, List<DomainError> errors, string prefix)
    {
        var before = errors.Count;
        void Invalid(string field, string message) => errors.Add(DomainError.Invalid(prefix + field, message));

        var code = input.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code))
            Invalid("code", $"A code has 2 to {MonitoringRules.CodeMaxLength} capital letters, digits and hyphens (IND-079, YORK-BUS-1).");
        if (string.IsNullOrWhiteSpace(input.Name))
            Invalid("name", "A name is required.");
        else if (input.Name.Trim().Length > MonitoringRules.NameMaxLength)
            Invalid("name", $"The name may have at most {MonitoringRules.NameMaxLength} characters.");
        var right = input.Right?.Trim() ?? "";
        if (!ReferenceCatalogue.Default.IsRight(right))
            Invalid("right", $"'{input.Right}' is not a right of the taxonomy (GET /api/rights).");
        if (!Enum.TryParse<IndicatorType>(input.Type ?? "", ignoreCase: true, out var type) || int.TryParse(input.Type, out _))
            Invalid("type", "The type is structural, process or outcome.");
        var unitKind = UnitKinds.Parse(input.UnitKind ?? input.Unit);
        if (string.IsNullOrWhiteSpace(input.Unit) && unitKind is null)
            Invalid("unit", "A unit is required.");
        else if (unitKind is null)
            Invalid(input.UnitKind is null ? "unit" : "unitKind",
                $"Unknown unit '{input.UnitKind ?? input.Unit}': give a unitKind of percentage, count, rate, amount, difference, yes-no or year.");
        if (unitKind == UnitKind.Rate && input.RateBase is not (100 or 1_000 or 10_000 or 100_000 or 1_000_000))
            Invalid("rateBase", "A rate needs its base: per 100, 1,000, 10,000, 100,000 or 1,000,000.");
        if (!Enum.TryParse<DesiredDirection>(input.Direction ?? "", ignoreCase: true, out var direction) || int.TryParse(input.Direction, out _))
            Invalid("direction", "The desired direction is increase or decrease.");
        var source = SourceKind.Administrative;
        if (input.Source is not null && (!Enum.TryParse(input.Source, ignoreCase: true, out source) || int.TryParse(input.Source, out _) || source == SourceKind.Platform))
            Invalid("source", "The source is one of events, administrative, survey, expert, community.");
        var dimensions = new List<string>();
        foreach (var (name, i) in (input.Disaggregations ?? []).Select((n, i) => (n, i)))
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MonitoringRules.GroupMaxLength)
                Invalid($"disaggregations[{i}]", "A disaggregation dimension has a name (sex, age, district, ...).");
            else if (Disaggregation.Dimension(name) is var d && dimensions.Contains(d))
                Invalid($"disaggregations[{i}]", $"'{d}' is listed twice.");
            else if (d is "year" or "value" or "units" or "geocode" or "series" or "denominator")
                Invalid($"disaggregations[{i}]", $"'{d}' is a column of the data layout, not a dimension.");
            else dimensions.Add(d);
        }
        var sdg = new List<string>();
        foreach (var (c, i) in (input.SdgCodes ?? []).Select((c, i) => (c, i)))
        {
            if (c is null || !SdgPattern().IsMatch(c.Trim())) Invalid($"sdgCodes[{i}]", "An SDG indicator code looks like 11.1.1.");
            else sdg.Add(c.Trim());
        }
        if (errors.Count > before) return null;

        return new IndicatorDefinition(code, input.Name!.Trim(), right, string.IsNullOrWhiteSpace(input.Attribute) ? null : input.Attribute.Trim(),
            type, string.IsNullOrWhiteSpace(input.Unit) ? UnitKinds.Name(unitKind!.Value) : input.Unit.Trim(), unitKind!.Value,
            unitKind == UnitKind.Rate ? input.RateBase : null, direction, source, dimensions.ToArray(), sdg.ToArray(), null,
            string.IsNullOrWhiteSpace(input.Origin) ? "network" : input.Origin.Trim(), input.Core ?? false, version);
    }

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d{1,2}\.[0-9a-z]{1,2}\.\d{1,2}$")]
    private static partial Regex SdgPattern();
}
