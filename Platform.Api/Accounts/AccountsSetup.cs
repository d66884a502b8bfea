using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(DevelopmentResidentHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DevelopmentResidentHandler>(DevelopmentResidentHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Resident, p => p.RequireClaim(ResidentClaims.ResidentIdClaim));
        return services;
    }
}
