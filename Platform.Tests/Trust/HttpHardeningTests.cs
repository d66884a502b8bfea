using System.Net;
using Microsoft.AspNetCore.Hosting;
using Platform.Api.Infrastructure;

namespace Platform.Tests.Trust;

/// <summary>
/// The platform behind a TLS proxy and in front of browsers: security headers on every answer, a Content-Security-Policy
/// on pages, HSTS once the proxy says the request came over HTTPS (and only a trusted proxy may say so), secure cookies
/// outside Development, and the demo network refused outside Development.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class HttpHardeningTests(AppFixture app)
{
    [Fact]
    public async Task Pages_carry_a_content_security_policy_and_every_answer_the_security_headers()
    {
        var page = await app.Host.Scenario(x => x.Get.Url("/cities/york/concerns"));
        var headers = page.Context.Response.Headers;
        Assert.Equal(HttpHardening.ContentSecurityPolicy, headers.ContentSecurityPolicy.ToString());
        Assert.Contains("script-src 'self'", headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Equal("strict-origin-when-cross-origin", headers["Referrer-Policy"].ToString());

        var api = await app.Host.Scenario(x => x.Get.Url("/api/cities/york/concerns"));
        Assert.Equal("nosniff", api.Context.Response.Headers.XContentTypeOptions.ToString());
        Assert.Empty(api.Context.Response.Headers.ContentSecurityPolicy.ToString()); // JSON runs nothing; the API reference runs its own scripts
    }

    [Fact]
    public async Task HSTS_is_sent_when_a_trusted_proxy_says_https_and_not_when_anyone_else_says_so()
    {
        var proxied = await ThroughAsync(IPAddress.Loopback);
        Assert.StartsWith("max-age=31536000", proxied.Context.Response.Headers.StrictTransportSecurity.ToString());

        var forged = await ThroughAsync(IPAddress.Parse("203.0.113.9"));
        Assert.Empty(forged.Context.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Production", false, false)]
    public void Cookies_are_secure_outside_development_unless_turned_off(string environment, bool? setting, bool secure)
    {
        var options = new Platform.Api.Infrastructure.HttpOptions { SecureCookies = setting };
        Assert.Equal(secure, options.SecureCookiesIn(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment }));
    }

    [Fact]
    public async Task The_demo_network_is_refused_outside_development()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Platform:KeyRing:CertificatePath", TestDatabase.KeyRingCertificate);
            builder.UseSetting("Platform:Demo:Seed", "true");
        }));
        Assert.Contains("Platform:Demo:Seed is refused in the Production environment", Unwrap(refused).Message);
    }

    [Fact]
    public async Task Outside_development_the_key_ring_needs_a_certificate()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => AlbaHost.For<Program>(builder => builder.UseEnvironment("Production")));
        Assert.Contains("Set Platform:KeyRing:CertificatePath", Unwrap(refused, "Platform:KeyRing").Message);
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted()
    {
        await app.Host.Scenario(x => { x.Post.Json(new { email = "nobody@example.org", password = "not a password" }).ToUrl("/api/accounts/token"); x.IgnoreStatusCode(); });
        await using var session = app.Store.QuerySession();
        var keys = await session.Query<Platform.Api.Accounts.DataProtectionKey>().ToListAsync();
        Assert.NotEmpty(keys);
        // Every key holds its secret as encrypted data (the master key element is encrypted whole), never in clear.
        Assert.All(keys, k =>
        {
            var key = System.Xml.Linq.XElement.Parse(k.Xml);
            Assert.Empty(key.Descendants("masterKey"));
            Assert.Single(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
            Assert.Contains("EncryptedData", k.Xml);
        });
    }

    private Task<IScenarioResult> ThroughAsync(IPAddress proxy) => app.Host.Scenario(x =>
    {
        x.Get.Url("/cities/york/concerns");
        x.WithRequestHeader("Host", "city.example.org");
        x.WithRequestHeader("X-Forwarded-Proto", "https");
        x.WithRequestHeader("X-Forwarded-For", "192.0.2.44");
        x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = proxy);
    });

    private static Exception Unwrap(Exception e, string about = "Platform:Demo:Seed")
    {
        while (e.InnerException is not null && !e.Message.Contains(about)) e = e.InnerException;
        return e;
    }
}
