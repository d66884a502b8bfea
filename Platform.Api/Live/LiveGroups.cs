namespace Platform.Api.Live;

/// <summary>
/// SignalR group names, derived from view, city and id only, so that a backplane can fan a push out
/// to every node without the nodes sharing anything else.
/// </summary>
public static class LiveGroups
{
    public static string Of(string view, string city, Guid id) => $"{view}:{city}:{id:N}";
}
