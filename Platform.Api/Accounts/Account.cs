
namespace Platform.Api.Accounts;

/// <summary>
/// A person's account (network-wide document). The password is kept only as an ASP.NET Core Identity
/// hash. Roles are held per city.
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; }
    /// <summary>Lower-cased, trimmed; unique.</summary>
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? PasswordHash { get; set; }
    public bool IsNetworkAdministrator { get; set; }
    /// <summary>Roles per city slug.</summary>
    public Dictionary<string, List<CityRole>> Roles { get; set; } = [];
    public string PreferredLanguage { get; set; } = "en";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// When roles were last granted or withdrawn after the account was created (never: the default). Sign-ins carry
    /// the roles they read; this stamp tells every node to stop trusting tickets older than the change (<see cref="RoleChangeLog"/>).
    /// </summary>
    public DateTimeOffset RolesChangedAt { get; set; }
    /// <summary>
    /// Tokens and cookies issued before this instant no longer sign in (sign out everywhere, a password change). Set
    /// together with <see cref="RolesChangedAt"/>, so every node checks the account's tickets again within a second.
    /// </summary>
    public DateTimeOffset SignInsValidFrom { get; set; }
    /// <summary>When the owner followed the link mailed to <see cref="Email"/> (null: not verified). See <see cref="AccountLink"/>.</summary>
    public DateTimeOffset? EmailVerifiedAt { get; set; }
    /// <summary>The links mailed to the account lately (email verification, password reset): see <see cref="AccountLink"/>.</summary>
    public List<AccountLink> Links { get; set; } = [];

    public bool Holds(string city, CityRole role) => Roles.TryGetValue(city, out var roles) && roles.Contains(role);

    public void Grant(string city, CityRole role)
    {
        if (!Roles.TryGetValue(city, out var roles)) Roles[city] = roles = [];
        if (!roles.Contains(role)) roles.Add(role);
    }

    public void Revoke(string city, CityRole role)
    {
        if (Roles.TryGetValue(city, out var roles)) roles.Remove(role);
    }
}
