using System.Security.Claims;
using Platform.Api.Accounts;
using Platform.Domain.Accounts;
using Platform.Domain.Assessments;

namespace Platform.Api.Assessments;

/// <summary>Reads the caller of an assessment endpoint from the claims: the account and the cities it is an official of.</summary>
public static class AssessmentCallers
{
    private static readonly string OfficialSuffix = ":" + CityRole.Official;

    public static AssessmentCaller Caller(this ClaimsPrincipal user)
    {
        var cities = user.Claims
            .Where(c => c.Type == PlatformClaims.CityRoleClaim && c.Value.EndsWith(OfficialSuffix, StringComparison.Ordinal))
            .Select(c => c.Value[..^OfficialSuffix.Length])
            .ToHashSet(StringComparer.Ordinal);
        var id = user.IsSignedIn() ? user.AccountId() : Guid.Empty;
        return new AssessmentCaller(id, cities);
    }
}
