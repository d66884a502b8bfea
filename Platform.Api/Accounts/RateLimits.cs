using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Api.Accounts;

/// <summary>Limits on how fast one client address or one account may act (<c>Platform:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in and token requests per client address and minute (pages and API together).</summary>
    public int SignInsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Failed sign-ins in a row from one client address before each further attempt waits (doubling).</summary>
    public int FailedSignInsPerAddress { get; set; } = SignInGuard.FreeFailuresPerAddress;

    /// <summary>Registrations per client address and hour.</summary>
    public int RegistrationsPerAddressPerHour { get; set; } = 20;

    /// <summary>Writes (POST, PUT, PATCH, DELETE of the API and the pages) per signed-in account and minute.</summary>
    public int WritesPerAccountPerMinute { get; set; } = 300;

    /// <summary>Open311 <c>POST requests</c> per client app's key and minute (a token bucket, as writes per account).</summary>
    public int Open311RequestsPerKeyPerMinute { get; set; } = 300;
}

/// <summary>
/// ASP.NET Core's rate limiter over every request, before it reaches an endpoint or a page: sign-in and token requests
/// per client address, registrations per client address, writes per account. A request over a limit gets 429 with
/// <c>Retry-After</c> and a problem body (pages: the status page). Requests with no client address (an in-process
/// host) are not limited per address. Failed sign-ins are held back further, per account and address, with a growing
/// wait (<see cref="SignInGuard"/>).
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<SignInGuard>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request) && Address(context) is { } address
                    ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + address, _ => Window(options.SignInsPerAddressPerMinute, TimeSpan.FromMinutes(1)))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsRegistration(context.Request) && Address(context) is { } address
                    ? RateLimitPartition.GetFixedWindowLimiter("register:" + address, _ => Window(options.RegistrationsPerAddressPerHour, TimeSpan.FromHours(1)))
                    : RateLimitPartition.GetNoLimiter("")),
                new AccountWriteLimiter(options.WritesPerAccountPerMinute, context => IsWrite(context.Request) ? Account(context.User) : null, clock));
            o.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                return new ValueTask(TooManyAttempts(rejected.HttpContext, wait).ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least one): a problem body for the API, the status page for pages.</summary>
    public static IResult TooManyAttempts(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!Web.WebSetup.IsApi(context.Request.Path)) return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            title: $"Too many attempts: try again in {seconds} seconds.",
            type: "https://human-rights-cities.org/problems/too-many-requests",
            extensions: new Dictionary<string, object?> { ["code"] = "too-many-requests", ["retryAfter"] = seconds });
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 };

    private static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static string? Account(ClaimsPrincipal user) => user.FindFirstValue(PlatformClaims.AccountIdClaim);

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/accounts/token", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/accounts/sign-in", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/sign-in", StringComparison.OrdinalIgnoreCase));

    private static bool IsRegistration(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/accounts", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/register", StringComparison.OrdinalIgnoreCase));

    private static bool IsWrite(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);
}
