using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Api.Accounts;

/// <summary>
/// Authenticates a resident from the <c>X-Resident-Id</c> header (a Guid), until accounts replace it.
/// The header is honoured only in the Development and Test environments; elsewhere it is ignored.
/// </summary>
public sealed class DevelopmentResidentHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IHostEnvironment environment)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevelopmentResident";
    public const string Header = "X-Resident-Id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsHonoured(environment)) return Task.FromResult(AuthenticateResult.NoResult());
        if (!Request.Headers.TryGetValue(Header, out var values)) return Task.FromResult(AuthenticateResult.NoResult());
        if (!Guid.TryParse(values.ToString(), out var residentId) || residentId == Guid.Empty)
            return Task.FromResult(AuthenticateResult.Fail($"{Header} must be a non-empty Guid."));

        var identity = new ClaimsIdentity([new Claim(ResidentClaims.ResidentIdClaim, residentId.ToString())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    public static bool IsHonoured(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Test");
}
