
namespace Platform.Api.Following;

/// <summary>The signed-in resident's followed concerns and commitments, across their cities, latest change first.</summary>
public static class MyFollowingEndpoint
{
    [WolverineGet("/api/accounts/me/following", OperationId = "getMyFollowing")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Get(ClaimsPrincipal user, FollowingReader reader, CancellationToken cancellation) =>
        Results.Ok(new FollowingList(await reader.MineAsync(user, cancellation)));
}

/// <summary>What the signed-in resident follows: <c>{ items }</c>.</summary>
public sealed record FollowingList(IReadOnlyList<FollowedItem> Items);
