namespace Platform.Tests.Domain;

/// <summary>
/// Decider tests in the domain's language: <c>Given(events)</c> builds a stream's state the way the event store does
/// (<see cref="Evolution{TState}"/>: the state's static <c>From(first event)</c>, then its <c>Then(event)</c> methods), <c>When(decide)</c> runs a
/// decider on it, and <c>Then</c>/<c>ThenRefused</c>/<c>ThenNothing</c> say what the decision must be.
/// </summary>
public static class Scenario
{
    /// <summary>A stream with these events so far (none: a stream that does not exist yet, state null).</summary>
    public static Given<TState> Given<TState>(params object[] events) where TState : class => new(Evolution<TState>.Fold(events));
}

/// <summary>The state a scenario starts from.</summary>
public sealed record Given<TState>(TState? State) where TState : class
{
    public Then When(Func<TState?, Decision> decide) => new(decide(State));
}

/// <summary>The decision a scenario came to, with the assertions that read it.</summary>
public sealed record Then(Decision Decision)
{
    /// <summary>The decision accepted the command with exactly these events (records compare by value).</summary>
    public Then Events(params object[] expected)
    {
        Assert.Empty(Decision.Errors);
        Assert.Equal(expected, Decision.Events);
        return this;
    }

    /// <summary>The decision accepted the command with one event of type <typeparamref name="TEvent"/>, which it answers for further checks.</summary>
    public TEvent Single<TEvent>()
    {
        Assert.Empty(Decision.Errors);
        return Assert.IsType<TEvent>(Assert.Single(Decision.Events));
    }

    /// <summary>The decision refused the command; its first error has this code (and names this field, when given).</summary>
    public DomainError Refused(string code, string? field = null)
    {
        Assert.True(Decision.IsRefused, "The command was accepted: " + string.Join(", ", Decision.Events.Select(e => e.GetType().Name)));
        var error = Decision.Errors[0];
        Assert.Equal(code, error.Code);
        if (field is not null) Assert.Equal(field, error.Field);
        return error;
    }

    /// <summary>The decision refused the command with an error naming <paramref name="field"/>.</summary>
    public void RefusedNaming(string field)
    {
        Assert.True(Decision.IsRefused, "The command was accepted.");
        Assert.Contains(Decision.Errors, e => e.Field == field);
    }

    /// <summary>The command changes nothing: neither events nor errors (an idempotent repeat).</summary>
    public void Nothing()
    {
        Assert.Empty(Decision.Errors);
        Assert.Empty(Decision.Events);
    }
}
