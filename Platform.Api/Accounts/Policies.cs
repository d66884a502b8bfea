namespace Platform.Api.Accounts;

/// <summary>Authorization policy names used by endpoints.</summary>
public static class Policies
{
    /// <summary>Any authenticated resident.</summary>
    public const string Resident = "resident";
}
