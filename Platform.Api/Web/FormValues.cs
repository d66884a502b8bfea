using System.Text.RegularExpressions;

namespace Platform.Api.Web;

/// <summary>
/// A value a page's form posts as text but the API takes typed: an id (a commitment, a consultation or a parent chosen
/// from a list), a day, a whole number, a number, an amount. Read as the API binds its body: left empty it is absent; given but unreadable it
/// is refused at its own field, never read as left out (which would let the write go on without it, or name the field
/// with another reason).
/// </summary>
public static partial class FormValues
{
    /// <summary>The messages of the refusals (keys of the page texts).</summary>
    public const string UnreadableId = "Ids.Unreadable", UnreadableDay = "Ids.UnreadableDay", UnreadableWholeNumber = "Ids.UnreadableWholeNumber",
        UnreadableNumber = "Ids.UnreadableNumber";

    /// <summary>
    /// The message of the refusal of an offline resident's number that cannot be read (the assisted forms): the resident's
    /// number is typed in, copied from an earlier visit, not chosen from a list as the ids <see cref="UnreadableId"/> speaks of.
    /// </summary>
    public const string UnreadableOfflineResident = "Participation.Assist.OfflineIdMalformed";

    /// <summary>
    /// The id posted as <paramref name="posted"/>: null when left empty, or a refusal at <paramref name="apiField"/>
    /// (the API's name of the field, which the page maps to its form's field as it does the decider's refusals), with
    /// <paramref name="message"/> (<see cref="UnreadableId"/> unless the form says more, as <see cref="UnreadableOfflineResident"/> does).
    /// </summary>
    public static Posted<Guid> Id(string? posted, string apiField, string message = UnreadableId) =>
        Read(posted, apiField, message, (string given, out Guid id) => Guid.TryParse(given, out id));

    /// <summary>A date input's day (yyyy-mm-dd), as <see cref="Id"/> reads an id.</summary>
    public static Posted<DateOnly> Day(string? posted, string apiField) =>
        Read(posted, apiField, UnreadableDay, (string given, out DateOnly day) =>
            DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day));

    /// <summary>A whole number of digits only (a year), as <see cref="Id"/> reads an id.</summary>
    public static Posted<int> WholeNumber(string? posted, string apiField) =>
        Read(posted, apiField, UnreadableWholeNumber, (string given, out int number) =>
            int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out number));

    /// <summary>
    /// A number (a value, a baseline, a target) as the page's language writes it (12,5 in French) or with a decimal point
    /// (12.5), as <see cref="Id"/> reads an id; not a number nor an infinity.
    /// </summary>
    public static Posted<double> Number(string? posted, string apiField) => Read<double>(posted, apiField, UnreadableNumber, TryNumber);

    private static bool TryNumber(string given, out double number)
    {
        var culture = CultureInfo.CurrentCulture.NumberFormat;
        if (double.TryParse(given, NumberStyles.Float, culture, out number)) return double.IsFinite(number);
        // A decimal point is read too (12.5 on a French page), unless the page's language groups thousands with it: in
        // Dutch 1.234 is a thousand and more, which the point would read as one and a bit.
        if (culture.NumberGroupSeparator == "." && GroupedThousands().IsMatch(given)) return false;
        return double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}(\.\d{3})+$")]
    private static partial Regex GroupedThousands();

    /// <summary>
    /// An amount of money (a budget) as the page's language writes it, thousands grouped as it groups them (2 500,50 in
    /// French, 2.500,50 in Dutch), or else with a decimal point and comma groups (2,500.50): the page's language first,
    /// so that a French 1,5 is one and a half, not fifteen. A separator that does not group thousands is no group: 1,5 on
    /// an English page is refused, not read as fifteen. Read as <see cref="Id"/> reads an id; refused with the form's own
    /// <paramref name="message"/> (the budget's says what it takes).
    /// </summary>
    public static Posted<decimal> Amount(string? posted, string apiField, string message) =>
        Read(posted, apiField, message, (string given, out decimal amount) =>
            TryAmount(given, CultureInfo.CurrentCulture, out amount) || TryAmount(given, CultureInfo.InvariantCulture, out amount));

    /// <summary>Reads an amount as <paramref name="culture"/> writes it, its whole part grouped by thousands if at all (.NET reads 1,5 as 15).</summary>
    private static bool TryAmount(string given, CultureInfo culture, out decimal amount)
    {
        if (!decimal.TryParse(given, NumberStyles.Number, culture, out amount)) return false;
        var whole = given.Trim().Trim('+', '-').Trim();
        var point = whole.IndexOf(culture.NumberFormat.NumberDecimalSeparator, StringComparison.Ordinal);
        return ThousandsOrNone().IsMatch(point >= 0 ? whole[..point] : whole);
    }

    [GeneratedRegex(@"^(\d*|\d{1,3}(\D\d{3})+)$")]
    private static partial Regex ThousandsOrNone();

    private delegate bool Parse<T>(string given, out T value);

    private static Posted<T> Read<T>(string? posted, string apiField, string message, Parse<T> parse) where T : struct
    {
        if (Check.Optional(posted) is not { } given) return new Posted<T>(null, null);
        return parse(given, out var value)
            ? new Posted<T>(value, null)
            : new Posted<T>(null, new Written([DomainError.Invalid(apiField, message)], null));
    }
}

/// <summary>A value read from a form (<see cref="FormValues"/>): what it says, or the refusal when it could not be read.</summary>
public readonly record struct Posted<T>(T? Value, Written? Refusal) where T : struct
{
    /// <summary>The command's handler when the value was readable; otherwise one that answers the refusal and writes nothing.</summary>
    public Func<TCommand, IDocumentSession, CancellationToken, Task<Written>> Or<TCommand>(Func<TCommand, IDocumentSession, CancellationToken, Task<Written>> handle) =>
        Refusal is { } refused ? (_, _, _) => Task.FromResult(refused) : handle;

    /// <summary>The write when the value was readable; otherwise the refusal, and nothing written.</summary>
    public Task<Written> Or(Func<Task<Written>> write) => ((Posted)this).Or(write);

    /// <summary>
    /// As <see cref="Or(Func{Task{Written}})"/>, for a handler that answers what it did or why it refused (the assisted
    /// forms' <c>AssistanceHandler</c>): the refusal's errors, and nothing written.
    /// </summary>
    public Task<(TDone? Done, IReadOnlyList<DomainError> Errors)> Or<TDone>(Func<Task<(TDone? Done, IReadOnlyList<DomainError> Errors)>> write)
        where TDone : class => ((Posted)this).Or(write);

    /// <summary>The value's refusal, if any, without the value: what <see cref="Posted.All"/> takes.</summary>
    public static implicit operator Posted(Posted<T> posted) => new(posted.Refusal);
}

/// <summary>Whether the values of a form could be read (<see cref="All"/>): if not, the refusal of each that could not.</summary>
public readonly record struct Posted(Written? Refusal)
{
    /// <summary>
    /// The values a form posted, taken together: refused when any of them was, with every refusal at once (each at its
    /// own field), so the form names all it could not read.
    /// </summary>
    public static Posted All(params ReadOnlySpan<Posted> read)
    {
        List<DomainError> errors = [];
        foreach (var posted in read)
            if (posted.Refusal is { } refused) errors.AddRange(refused.Errors);
        return new Posted(errors.Count > 0 ? new Written(errors, null) : null);
    }

    /// <summary>The write when every value was read; otherwise the refusal, and nothing written.</summary>
    public Task<Written> Or(Func<Task<Written>> write) => Refusal is { } refused ? Task.FromResult(refused) : write();

    /// <summary>
    /// For a handler that answers what it did or why it refused (the assisted forms' <c>AssistanceHandler</c>): the
    /// write when every value was read; otherwise the refusal's errors, and nothing written.
    /// </summary>
    public Task<(TDone? Done, IReadOnlyList<DomainError> Errors)> Or<TDone>(Func<Task<(TDone? Done, IReadOnlyList<DomainError> Errors)>> write)
        where TDone : class =>
        Refusal is { } refused ? Task.FromResult<(TDone?, IReadOnlyList<DomainError>)>((null, refused.Errors)) : write();
}
