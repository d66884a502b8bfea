namespace Platform.Domain;

/// <summary>
/// The groups the network's texts ask cities to watch for (vulnerable and marginalised groups): the codes a concern is
/// tagged with when it affects a group, an organisation speaks for, and participation is broken down by. Pages show
/// them through the localizer (<c>Group.{code}</c>); the codes never change once used.
/// </summary>
public static class Groups
{
    public const string Women = "women";
    public const string YoungPeople = "young-people";
    public const string OlderPeople = "older-people";
    public const string Children = "children";
    public const string Disability = "disability";
    public const string Migrants = "migrants";
    public const string EthnicMinorities = "ethnic-minorities";
    public const string Lgbtiq = "lgbtiq";
    public const string LowIncome = "low-income";
    public const string Homeless = "homeless";

    /// <summary>Every group, in the order pages list them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Women, YoungPeople, OlderPeople, Children, Disability, Migrants, EthnicMinorities, Lgbtiq, LowIncome, Homeless];

    public static bool IsKnown(string code) => All.Contains(code);

    /// <summary>A group of fewer people than this is shown as "fewer than 10", never as its number (no one is singled out).</summary>
    public const int SmallestShown = 10;
}
