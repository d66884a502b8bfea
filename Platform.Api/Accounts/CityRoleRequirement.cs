
namespace Platform.Api.Accounts;

/// <summary>The caller holds one of <see cref="AnyOf"/> in the city named by the route (any role when empty).</summary>
public sealed class CityRoleRequirement(params CityRole[] anyOf) : IAuthorizationRequirement
{
    public IReadOnlyList<CityRole> AnyOf { get; } = anyOf;
}

public sealed class CityRoleHandler : AuthorizationHandler<CityRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CityRoleRequirement requirement)
    {
        var city = context.Resource is HttpContext http ? RequestCity.Of(http) : null;
        if (city is null || !context.User.IsSignedIn()) return Task.CompletedTask;

        var allowed = requirement.AnyOf.Count == 0
            ? context.User.IsMemberOf(city)
            : requirement.AnyOf.Any(role => context.User.HoldsRole(city, role));
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
