
namespace Platform.Tests.Support;

public static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static JsonElement Parse(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
