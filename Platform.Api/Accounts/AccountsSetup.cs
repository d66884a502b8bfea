using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Platform.Api.Accounts;

public static class AccountsSetup
{
    /// <summary>The default scheme: bearer tokens for API clients (an Authorization header), else the cookie.</summary>
    public const string Scheme = "platform";
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, KeyRingOptions keyRing, IHostEnvironment environment)
    {
        services.AddMemoryCache();
        services.AddSingleton<RoleChangeLog>();
        services.AddHostedService(provider => provider.GetRequiredService<RoleChangeLog>());
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<PersonalData>();
        services.AddSingleton<AccountHandler>();
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddScoped<IClaimsTransformation, AccountClaimsTransformation>();
        services.AddSingleton<IAuthorizationHandler, CityRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, SignedOutChallenge>();
        // The key ring lives in PostgreSQL (every node shares it), encrypted at rest with a certificate kept outside it.
        var certificate = KeyRingCertificate.Load(keyRing, environment);
        services.AddSingleton(new Pseudonyms(certificate));
        services.AddDataProtection().SetApplicationName("human-rights-cities")
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new MartenKeyRing(provider.GetRequiredService<Marten.IDocumentStore>(),
                provider.GetRequiredService<ILogger<MartenKeyRing>>())));

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or cookie", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerScheme
                        : CookieScheme)
            .AddBearerToken(BearerScheme, o => o.BearerTokenExpiration = TokenLifetime)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "hrc.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.LoginPath = "/sign-in";
                o.AccessDeniedPath = "/forbidden";
                // API callers get status codes, never a redirect to a page.
                o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireClaim(PlatformClaims.AccountIdClaim))
            .AddPolicy(Policies.Resident, p => p.RequireClaim(PlatformClaims.AccountIdClaim).AddRequirements(new CityRoleRequirement()))
            .AddPolicy(Policies.Official, p => p.RequireClaim(PlatformClaims.AccountIdClaim).AddRequirements(new CityRoleRequirement(CityRole.Official)))
            .AddPolicy(Policies.Moderator, p => p.RequireClaim(PlatformClaims.AccountIdClaim).AddRequirements(new CityRoleRequirement(CityRole.Moderator)))
            .AddPolicy(Policies.IndependentBody, p => p.RequireClaim(PlatformClaims.AccountIdClaim).AddRequirements(new CityRoleRequirement(CityRole.IndependentBody)))
            .AddPolicy(Policies.OfficialOrOrganisation, p => p.RequireClaim(PlatformClaims.AccountIdClaim)
                .AddRequirements(new CityRoleRequirement(CityRole.Official, CityRole.Organisation)))
            .AddPolicy(Policies.Organisation, p => p.RequireClaim(PlatformClaims.AccountIdClaim).AddRequirements(new CityRoleRequirement(CityRole.Organisation)))
            .AddPolicy(Policies.OrganisationVerifier, p => p.RequireClaim(PlatformClaims.AccountIdClaim).RequireAssertion(context =>
                context.User.IsNetworkAdministrator()
                || context.Resource is HttpContext http && RequestCity.Of(http) is { } city && context.User.HoldsRole(city, CityRole.Official)))
            .AddPolicy(Policies.NetworkAdministrator, p => p.RequireClaim(PlatformClaims.NetworkAdministratorClaim, "true"));
        return services;
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
