namespace Platform.Api.Accounts;

/// <summary>
/// Authorization policies used by endpoints. City policies read the <c>{city}</c> route value:
/// roles held in one city give nothing in another.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account (its own data: profile, memberships).</summary>
    public const string SignedIn = "signed-in";
    /// <summary>A member of the route's city, in any role (residents raise and support there).</summary>
    public const string Resident = "city-resident";
    /// <summary>An official of the route's city.</summary>
    public const string Official = "city-official";
    /// <summary>A moderator of the route's city.</summary>
    public const string Moderator = "city-moderator";
    /// <summary>A member of the route city's independent body (escalated concerns and their findings).</summary>
    public const string IndependentBody = "city-independent-body";
    /// <summary>An official of the route's city, or an organisation of it (assisted participation: docs/participation.md).</summary>
    public const string OfficialOrOrganisation = "city-official-or-organisation";
    /// <summary>An account acting for a verified organisation of the route's city (its members hold the role while it is verified).</summary>
    public const string Organisation = "city-organisation";
    /// <summary>An official of the route's city or a network administrator (they verify, decline and suspend the city's organisations).</summary>
    public const string OrganisationVerifier = "city-organisation-verifier";
    /// <summary>A network administrator (registers cities, grants official and moderator roles).</summary>
    public const string NetworkAdministrator = "network-administrator";
}
