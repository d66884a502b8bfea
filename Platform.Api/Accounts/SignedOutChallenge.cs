using Microsoft.AspNetCore.Authorization.Policy;

namespace Platform.Api.Accounts;

/// <summary>
/// A ticket that authenticated but belongs to no sign-in any more (its account signed out everywhere, changed its
/// password or was removed) is treated as no ticket: 401 and a new sign-in, not 403 as for someone lacking a role.
/// </summary>
public sealed class SignedOutChallenge : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result) =>
        result.Forbidden && !context.User.IsSignedIn()
            ? _default.HandleAsync(next, context, policy, PolicyAuthorizationResult.Challenge())
            : _default.HandleAsync(next, context, policy, result);
}
