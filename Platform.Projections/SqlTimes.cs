namespace Platform.Projections;

/// <summary>Times handed to Npgsql as parameters of the SQL the projections write themselves.</summary>
public static class SqlTimes
{
    /// <summary>
    /// The same instant at offset 0: Npgsql writes a <c>timestamptz</c> parameter from UTC only ("only offset 0 (UTC)
    /// is supported") and would fail the whole append for an event whose time carries another offset.
    /// </summary>
    public static DateTimeOffset ForTimestamptz(this DateTimeOffset at) => at.ToUniversalTime();
}
