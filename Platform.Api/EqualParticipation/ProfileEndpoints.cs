namespace Platform.Api.EqualParticipation;

/// <summary>The caller's own participation profile (docs/participation.md): read, save with consent, withdraw.</summary>
public static class ProfileEndpoints
{
    /// <summary>The caller's profile; <c>given: false</c> when they have none.</summary>
    [WolverineGet("/api/accounts/me/profile", OperationId = "getMyParticipationProfile")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Get(ClaimsPrincipal user, ProfileHandler handler, CancellationToken cancellation) =>
        Results.Ok(await handler.ReadAsync(user.AccountId(), cancellation));

    /// <summary>Saves the caller's profile, replacing the last one: <c>consent</c> must be true (400 naming it otherwise; nothing is stored).</summary>
    [WolverinePut("/api/accounts/me/profile", OperationId = "saveMyParticipationProfile")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Put(ProfileRequest request, ClaimsPrincipal user, ProfileHandler handler, CancellationToken cancellation)
    {
        var (profile, errors) = await handler.SaveAsync(user.AccountId(), request, cancellation);
        return profile is null ? Problems.Result(errors) : Results.Ok(profile);
    }

    /// <summary>Withdraws the caller's profile: every answer is deleted. 204, also when there was none.</summary>
    [WolverineDelete("/api/accounts/me/profile", OperationId = "withdrawMyParticipationProfile")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Delete(ClaimsPrincipal user, ProfileHandler handler, CancellationToken cancellation)
    {
        await handler.WithdrawAsync(user.AccountId(), cancellation);
        return Results.NoContent();
    }
}
