using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Platform.Api.Live;

/// <summary>
/// The hub's second protocol: besides JSON (what the pages' script speaks), a client may ask for MessagePack in its
/// handshake (a smaller and cheaper frame for a screen or a dashboard that holds many connections). A view is written in
/// MessagePack with the very shape and names it has in JSON (<see cref="JsonShapedLiveViewFormatter"/>), so both kinds
/// of client read one contract, and nothing that JSON leaves out (<see cref="LiveView.Withheld"/>) is sent.
/// </summary>
public static class LiveProtocols
{
    public static ISignalRServerBuilder AddLiveMessagePack(this ISignalRServerBuilder signalR)
    {
        signalR.AddMessagePackProtocol();
        signalR.Services.AddOptions<MessagePackHubProtocolOptions>().Configure<IOptions<JsonHubProtocolOptions>>((options, json) =>
            options.SerializerOptions = MessagePackSerializerOptions.Standard
                .WithResolver(CompositeResolver.Create(
                    [new JsonShapedLiveViewFormatter(json.Value.PayloadSerializerOptions)],
                    // What a client sends (Watch's view, city and id) is read as SignalR's own resolver reads it.
                    [DynamicEnumAsStringResolver.Instance, ContractlessStandardResolver.Instance]))
                .WithSecurity(MessagePackSecurity.UntrustedData));
        return signalR;
    }
}

/// <summary>
/// Writes a <see cref="LiveView"/> in MessagePack as the hub's JSON protocol writes it: the same property names
/// (camelCase), enums as the same strings, ids and dates as the same text, and only what JSON writes. The view is
/// serialised to JSON once per push (SignalR serialises a group send once per protocol, not per connection), then
/// each JSON value becomes its MessagePack counterpart: object to map, array to array, string, integer, float, boolean, nil.
/// </summary>
public sealed class JsonShapedLiveViewFormatter(JsonSerializerOptions json) : IMessagePackFormatter<LiveView>
{
    public void Serialize(ref MessagePackWriter writer, LiveView value, MessagePackSerializerOptions options)
    {
        using var document = JsonSerializer.SerializeToDocument(value, json);
        Write(ref writer, document.RootElement);
    }

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in element.EnumerateObject()) count++;
                writer.WriteMapHeader(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }
                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) Write(ref writer, item);
                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole)) writer.Write(whole);
                else if (element.TryGetUInt64(out var large)) writer.Write(large);
                else writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    /// <summary>Views go from the server to clients only; the hub never reads one.</summary>
    public LiveView Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        throw new NotSupportedException("The live hub does not read views from clients.");
}
