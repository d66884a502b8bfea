namespace Platform.Domain;

/// <summary>
/// The outcome of a decider: the events that happen, or the errors that refuse the command.
/// A decision with no events and no errors means "nothing changes" (an idempotent repeat).
/// </summary>
public sealed record Decision
{
    public IReadOnlyList<object> Events { get; }
    public IReadOnlyList<DomainError> Errors { get; }
    public bool IsRefused => Errors.Count > 0;

    private Decision(IReadOnlyList<object> events, IReadOnlyList<DomainError> errors)
    {
        Events = events;
        Errors = errors;
    }

    public static Decision Accept(params object[] events) => new(events, []);
    public static Decision Refuse(params DomainError[] errors) => new([], errors);
    public static Decision Refuse(IReadOnlyList<DomainError> errors) => new([], errors);
    public static readonly Decision NoChange = new([], []);
}
