namespace Platform.Api.Web;

/// <summary>
/// An id a page's form posts (a commitment, a consultation, a parent chosen from a list), read as the API binds its
/// body: left empty it is absent; given but not an id it is refused at its own field, never read as left out (which
/// would let the write go on without it, or name another field).
/// </summary>
public static class FormIds
{
    /// <summary>The message of the refusal (a key of the page texts).</summary>
    public const string Unreadable = "Ids.Unreadable";

    /// <summary>
    /// The id posted as <paramref name="posted"/>: null when left empty, or a refusal at <paramref name="apiField"/>
    /// (the API's name of the field, which the page maps to its form's field as it does the decider's refusals).
    /// </summary>
    public static PostedId Read(string? posted, string apiField)
    {
        if (Check.Optional(posted) is not { } given) return new PostedId(null, null);
        return Guid.TryParse(given, out var id)
            ? new PostedId(id, null)
            : new PostedId(null, new Written([DomainError.Invalid(apiField, Unreadable)], null));
    }
}

/// <summary>An id read from a form (<see cref="FormIds.Read"/>): its value, or the refusal when it was not an id.</summary>
public readonly record struct PostedId(Guid? Value, Written? Refusal)
{
    /// <summary>The command's handler when the id was readable; otherwise one that answers the refusal and writes nothing.</summary>
    public Func<TCommand, IDocumentSession, CancellationToken, Task<Written>> Or<TCommand>(Func<TCommand, IDocumentSession, CancellationToken, Task<Written>> handle) =>
        Refusal is { } refused ? (_, _, _) => Task.FromResult(refused) : handle;
}
