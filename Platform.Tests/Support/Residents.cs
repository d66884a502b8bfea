using Alba;

namespace Platform.Tests.Support;

/// <summary>Acting as a resident through the development identity header.</summary>
public static class Residents
{
    public static Guid New() => Guid.NewGuid();

    public static void As(this Scenario scenario, Guid residentId) =>
        scenario.WithRequestHeader("X-Resident-Id", residentId.ToString());
}
