using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>
/// How the store keeps a file's event (<see cref="MeasurementsImported"/>, every row of the file): UTF-8 JSON in the
/// event's binary column (<c>bdata</c>) instead of <c>jsonb</c>, so PostgreSQL stores the bytes without parsing a
/// 100,000-value document into jsonb, the largest part of a large import's time when measured. The store reads such an
/// event back through this class; events of earlier imports, kept as jsonb, still read through its JSON path.
/// </summary>
public sealed class ImportEventFormat : IEventBinarySerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public byte[] Serialize(Type type, object data) => JsonSerializer.SerializeToUtf8Bytes(data, type, Json);

    public object Deserialize(Type type, byte[] data) => JsonSerializer.Deserialize(data, type, Json)!;
}
