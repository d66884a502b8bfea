using System.Reflection;

namespace Platform.Domain;

/// <summary>
/// How the state of a stream is built from its events, one way for every state that follows the convention: the
/// state's static <c>From(first event)</c> starts it, then its <c>Then(event)</c> methods each give the next state.
/// Events the state has no method for leave it as it is. The event store's inline snapshots
/// (<c>StateProjection&lt;TState&gt;</c>), the demo and the decider tests all build states through this one class.
/// </summary>
public static class Evolution<TState> where TState : class
{
    private static readonly Dictionary<Type, Func<TState?, object, TState?>> Steps = Discover();

    /// <summary>The events the state is built from.</summary>
    public static IReadOnlyCollection<Type> EventTypes => Steps.Keys;

    /// <summary>The state after <paramref name="e"/> (a stream that has not started yet: null).</summary>
    public static TState? Then(TState? state, object e) => Steps.TryGetValue(e.GetType(), out var step) ? step(state, e) : state;

    /// <summary>The state <paramref name="events"/> build from nothing.</summary>
    public static TState? Fold(IEnumerable<object> events) => events.Aggregate((TState?)null, Then);

    private static Dictionary<Type, Func<TState?, object, TState?>> Discover()
    {
        var steps = new Dictionary<Type, Func<TState?, object, TState?>>();
        foreach (var method in typeof(TState).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (method.ReturnType != typeof(TState) || method.GetParameters() is not [var parameter]) continue;
            var kind = (method.Name, method.IsStatic) switch
            {
                ("From", true) => nameof(Start),
                ("Then", false) => nameof(Continue),
                _ => null,
            };
            if (kind is null) continue;
            var step = (Func<TState?, object, TState?>)typeof(Evolution<TState>).GetMethod(kind, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(parameter.ParameterType).Invoke(null, [method])!;
            // An event that can both start the stream and come again later (a support given again after its
            // withdrawal) has a From and a Then: From while the stream has not started, Then after.
            steps[parameter.ParameterType] = steps.TryGetValue(parameter.ParameterType, out var other)
                ? (state, e) => state is null ? (kind == nameof(Start) ? step : other)(state, e) : (kind == nameof(Start) ? other : step)(state, e)
                : step;
        }
        if (steps.Count == 0) throw new InvalidOperationException($"{typeof(TState).Name} has no public static From(event) nor Then(event) methods.");
        return steps;
    }

    /// <summary>A stream starts once: its first event on a state that exists already changes nothing.</summary>
    private static Func<TState?, object, TState?> Start<TEvent>(MethodInfo from)
    {
        var start = from.CreateDelegate<Func<TEvent, TState>>();
        return (state, e) => state ?? start((TEvent)e);
    }

    /// <summary>An event of a stream that never started changes nothing.</summary>
    private static Func<TState?, object, TState?> Continue<TEvent>(MethodInfo then)
    {
        var next = then.CreateDelegate<Func<TState, TEvent, TState>>();
        return (state, e) => state is null ? null : next(state, (TEvent)e);
    }
}
