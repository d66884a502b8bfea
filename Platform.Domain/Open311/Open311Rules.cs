namespace Platform.Domain.Open311;

/// <summary>The limits of the Open311 feature, shared by its decider, endpoints, pages and docs.</summary>
public static class Open311Rules
{
    /// <summary>The longest name of a client app.</summary>
    public const int AppMaxLength = 100;

    /// <summary>The longest <c>address_string</c> a request may give.</summary>
    public const int AddressMaxLength = 250;

    /// <summary>The longest title a concern gets from the start of an Open311 request's description (the concern's own limit).</summary>
    public const int TitleLength = Concerns.ConcernRules.TitleMaxLength;

    /// <summary>The widest window of <c>GET requests</c> (start_date to end_date), and the default one (the last days up to now).</summary>
    public const int WindowDays = 90;

    /// <summary>The most requests one <c>GET requests</c> answers.</summary>
    public const int MaxRequests = 1000;

    /// <summary>The most ids one <c>GET requests?service_request_id=</c> may list.</summary>
    public const int MaxRequestIds = 100;

    /// <summary>
    /// The title of a concern made from an Open311 request, which has none: the description's first line, cut at a word
    /// boundary to <see cref="TitleLength"/> characters with an ellipsis when longer. Null for a blank description.
    /// </summary>
    public static string? TitleFrom(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return null;
        var line = description.Trim().Split('\n', 2)[0].Trim();
        if (line.Length <= TitleLength) return line;
        var cut = line[..(TitleLength - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > TitleLength / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }
}
