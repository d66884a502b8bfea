namespace Platform.Api.OpenData;

/// <summary>A field of an open dataset: its name (the CSV header and JSON key), type and meaning.</summary>
public sealed record OpenDataField(string Name, string Type, string Meaning);

/// <summary>Where a dataset is: one per city (the URL names the city) or one for the network.</summary>
public enum OpenDataScope
{
    City,
    Network,
}

/// <summary>
/// A public view offered as flat rows, one table for CSV and JSON alike. <see cref="Rows"/> reads the view through
/// the feature's own reader; each row holds one cell per field, in field order.
/// </summary>
public sealed record OpenDataSet(
    string Name, OpenDataScope Scope, string Title, string Description, string View, IReadOnlyList<OpenDataField> Fields,
    Func<OpenDataRequest, Task<IEnumerable<object?[]>>> Rows)
{
    public string Url => Scope == OpenDataScope.City ? $"/api/cities/{{city}}/open-data/{Name}" : $"/api/open-data/{Name}";
}

/// <summary>What a dataset's rows are read with: the city (for city datasets) and a query session of it.</summary>
public sealed record OpenDataRequest(string? City, Marten.IQuerySession Session, CancellationToken Cancellation);
