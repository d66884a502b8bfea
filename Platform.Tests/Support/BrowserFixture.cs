using System.Net;
using System.Runtime.CompilerServices;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Api.Accounts;
using Platform.Api.Demo;
using Wolverine;

namespace Platform.Tests.Support;

/// <summary>
/// The platform on real Kestrel (a random loopback port) and the real PostgreSQL test database, driven by
/// Debian's Chromium through Playwright. The API keeps all its data in its own schema
/// (<see cref="Schema"/>), so nothing a browser test stores is seen by the integration tests, which
/// count every event of their own schema. The browser collection also runs alone, after the parallel
/// collections (<see cref="BrowserCollection"/>), so two hosts never run the event daemon at once.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Schema = "platform_browser";
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "browser-tests-2026";

    // A closed network: without these Chromium waits on connections it will never get.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private WebApplicationFactory<Program> _factory = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>Where screenshots of failed browser tests go: <c>browser-screenshots</c> in the test output folder.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "browser-screenshots");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLATFORM_DB", TestDatabase.ConnectionString);
        JasperFxEnvironment.AutoStartHost = true;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Test");
            builder.UseSetting("Platform:Schema", Schema);
            builder.UseSetting("Platform:Demo:Seed", "false");
            builder.UseSetting("Platform:Http:SecureCookies", "false"); // served over plain HTTP on loopback
            builder.UseSetting("Platform:KeyRing:CertificatePath", TestDatabase.KeyRingCertificate);
            builder.UseSetting("Platform:RateLimits:SignInsPerAddressPerMinute", "100000"); // every browser test signs in from 127.0.0.1,
            builder.UseSetting("Platform:RateLimits:FailedSignInsPerAddress", "100000"); // and some of them with a wrong password on purpose
            builder.ConfigureServices(services => services.RunWolverineInSoloMode());
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1"));

        await using (var session = Store.LightweightSession())
        {
            session.Store(DemoNetwork.Cities);
            await session.SaveChangesAsync();
        }

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: deploy/test installs Debian's chromium (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>
    /// A fresh browser context (its own cookies) in <paramref name="language"/> (sets the language cookie,
    /// as the switcher does), with JavaScript on or off, and one page in it.
    /// </summary>
    public async Task<IPage> NewPageAsync(string language = "en", bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = language,
            ViewportSize = new ViewportSize { Width = 420, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = Platform.Api.Web.WebSetup.LanguageCookie,
            Value = $"c={language}|uic={language}",
            Domain = BaseAddress.Host,
            Path = "/",
        }]);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a browser test body; when it fails, saves a full-page screenshot of every page it opened under
    /// <see cref="ScreenshotFolder"/> (named after the test) before the failure goes on.
    /// </summary>
    public async Task RunAsync(Func<IPage, Task> body, string language = "en", bool javaScript = true, [CallerMemberName] string test = "")
    {
        var page = await NewPageAsync(language, javaScript);
        try
        {
            await body(page);
        }
        catch
        {
            await ScreenshotAsync(page.Context, test);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public static async Task ScreenshotAsync(IBrowserContext context, string test)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var index = 0;
        foreach (var page in context.Pages)
        {
            var file = Path.Combine(ScreenshotFolder, $"{test}-{DateTime.UtcNow:yyyyMMddHHmmss}-{index++}.png");
            try { await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true }); }
            catch (PlaywrightException) { } // a page that died cannot be photographed; the test's own failure matters
        }
    }

    /// <summary>
    /// An HTTP client of the running API signed in as <paramref name="email"/> with a bearer token (from
    /// <c>POST /api/accounts/token</c>), for steps a test takes through the API rather than a page.
    /// </summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var token = await client.PostAsJsonAsync("/api/accounts/token", new { email, password = Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>An account with a known password (<see cref="Password"/>) and the given roles in the city, stored directly.</summary>
    public async Task<(Guid Id, string Email)> AccountAsync(string city, params CityRole[] roles)
    {
        var id = Guid.CreateVersion7();
        var account = new Account { Id = id, Email = $"{id:N}@browser.test", DisplayName = "Browser test person", CreatedAt = DateTimeOffset.UtcNow };
        account.PasswordHash = Services.GetRequiredService<IPasswordHasher<Account>>().HashPassword(account, Password);
        foreach (var role in roles.Length == 0 ? [CityRole.Resident] : roles) account.Grant(city, role);
        await using var session = Store.LightweightSession();
        session.Store(account);
        await session.SaveChangesAsync();
        return (id, account.Email);
    }
}

/// <summary>
/// Browser tests run one at a time and after every parallel collection, so Chromium does not compete
/// with the integration tests for the machine's two cores and only one host runs the event daemon.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
