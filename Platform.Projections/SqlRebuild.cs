namespace Platform.Projections;

/// <summary>
/// A projection written in SQL whose whole table one statement over the events makes again: a rebuild then costs one
/// aggregate query in PostgreSQL instead of every event read, deserialised and applied through the daemon
/// (docs/projections.md). Its result must equal the event-by-event one: <c>SqlRebuildTests</c> compares them.
/// </summary>
public interface ISqlRebuild
{
    /// <summary>The table the statement fills (emptied first).</summary>
    string Table { get; }

    /// <summary>
    /// The statement that fills <see cref="Table"/> from the events, given the store's name of each event type (the
    /// <c>type</c> column of <c>mt_events</c>). It reads live events only (not archived), as a daemon rebuild does.
    /// </summary>
    string RebuildSql(Func<Type, string> eventTypeName);

    /// <summary>The event type names as a SQL list (<c>'a', 'b'</c>); names are the store's snake-case aliases, checked.</summary>
    static string List(Func<Type, string> eventTypeName, IEnumerable<Type> types) =>
        string.Join(", ", types.Select(t => eventTypeName(t) is var name && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"'{name}'" : throw new ArgumentException($"Unexpected event type name {name}.")));
}
