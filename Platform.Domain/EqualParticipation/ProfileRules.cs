namespace Platform.Domain.EqualParticipation;

/// <summary>
/// The dimensions of a participation profile and the answers each one takes: shared by the profile's checks, the
/// population shares officials enter, the participation breakdown, the pages and the docs.
/// </summary>
public static class ProfileRules
{
    public const string AgeBand = "ageBand";
    public const string Gender = "gender";
    public const string Disability = "disability";
    public const string MigrantBackground = "migrantBackground";
    public const string District = "district";

    public static readonly IReadOnlyList<string> AgeBands = ["under-25", "25-44", "45-64", "65-plus"];
    public static readonly IReadOnlyList<string> Genders = ["woman", "man", "another"];
    /// <summary>The answers of the yes/no dimensions (disability, migrant background), as groups.</summary>
    public static readonly IReadOnlyList<string> YesNo = ["yes", "no"];

    /// <summary>Every dimension, in the order pages show them.</summary>
    public static readonly IReadOnlyList<string> Dimensions = [AgeBand, Gender, Disability, MigrantBackground, District];

    /// <summary>The groups of a dimension with a fixed list (null for districts: the city's own names, as concerns use them).</summary>
    public static IReadOnlyList<string>? GroupsOf(string dimension) => dimension switch
    {
        AgeBand => AgeBands,
        Gender => Genders,
        Disability or MigrantBackground => YesNo,
        _ => null,
    };

    public static bool IsDimension(string? dimension) => dimension is not null && Dimensions.Contains(dimension);

    /// <summary>A yes/no answer as its group ("yes", "no"), or null when not said.</summary>
    public static string? YesNoOf(bool? answer) => answer switch { true => "yes", false => "no", null => null };

    /// <summary>The longest district name (as for concerns).</summary>
    public const int DistrictMaxLength = Concerns.ConcernRules.DistrictMaxLength;
}
