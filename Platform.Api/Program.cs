using Platform.Api.Participation;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Api.Assessments;
using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Api.Consultations;
using Platform.Api.Demo;
using Platform.Api.EqualParticipation;
using Platform.Api.Following;
using Platform.Api.IndicatorProposals;
using Platform.Api.GoodPractices;
using Platform.Api.Mail;
using Platform.Api.Monitoring;
using Platform.Api.Notifications;
using Platform.Api.OpenData;
using Platform.Api.Organisations;
using Platform.Api.Open311;
using Platform.Api.Proposals;
using Platform.Api.Reports;
using Platform.Api.TownHalls;
using Platform.Api.Scorecards;
using Platform.Api.Search;
using Platform.Api.Web.PageCache;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var platform = builder.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
var connectionString = PlatformOptions.ConnectionString(builder.Configuration);


builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(platform);
builder.Services.AddSingleton(platform.Live);
builder.Services.AddSingleton<IWatchedViews>(platform.Live.SeveralNodes ? new EveryViewWatched() : new LocalWatchedViews());
builder.Services.AddPlatformDatabase(connectionString, platform.Database); // one pool per node, shared by Marten, Wolverine and the readers
builder.Services.AddSingleton<CityDirectory>();
builder.Services.AddSingleton<LiveViews>();
builder.Services.AddSingleton<WatchSnapshots>(); // one snapshot read for the watchers joining a view at once
builder.Services.AddSingleton<LocalViewWrites>();
builder.Services.AddConcerns();
builder.Services.AddConsultations();
builder.Services.AddProposals();
builder.Services.AddTownHalls();
builder.Services.AddParticipation();
builder.Services.AddScorecards();
builder.Services.AddCommitments();
builder.Services.AddAssessments();
Platform.Api.UnRecommendations.UnRecommendationsSetup.AddUnRecommendations(builder.Services);
builder.Services.AddMonitoring();
builder.Services.AddIndicatorProposals();
builder.Services.AddFollowing();
builder.Services.AddReports();
builder.Services.AddOpenData();
builder.Services.AddKnowledge(); // know-your-rights, the good-practice library, the network report
builder.Services.AddMail(platform.Mail);
builder.Services.AddSearch();
builder.Services.AddEqualParticipation();
builder.Services.AddOpen311();
builder.Services.AddOrganisations();
builder.Services.AddNotifications();
builder.Services.AddNotificationEmail();
builder.Services.AddAccountEmails(platform.AccountLinks);
builder.Services.AddSingleton<DemoNetwork>();

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    // Refusals made before an endpoint runs get the shape of the endpoints' own: a code and the field at fault.
    MalformedRouteIds.Describe(context);
    JsonBodyRule.Describe(context);
    UnparseableQueryValues.Describe(context);
});
builder.Services.AddPlatformIdentity(platform.KeyRing, builder.Environment);
builder.Services.AddSignalR()
    .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
    .AddLiveMessagePack() // clients may ask for MessagePack instead of JSON (views keep the JSON shape; docs/live-views.md)
    .AddLiveBackplane(platform.Live);
builder.Services.AddExceptionHandler<DatabaseUnavailable>(); // PostgreSQL unreachable: 503 with Retry-After, not 500
builder.Services.AddHealthChecks()
    .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
    // Every view and the live pushes run on a live node; one instance, which remembers that it once saw them all running.
    .Add(new HealthCheckRegistration("views", provider => provider.GetRequiredService<ProjectionHealthCheck>(), null, ["ready"]))
    .Add(new HealthCheckRegistration("accepting", provider => provider.GetRequiredService<ShutdownDrain>(), null, ["ready"])); // not while stopping
builder.Services.AddSingleton<ProjectionHealthCheck>();
builder.Services.AddSingleton<ShutdownDrain>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(platform.Shutdown.DrainSeconds + platform.Shutdown.GraceSeconds));
builder.Services.AddOpenApi();
builder.Services.AddWeb();
builder.Services.AddHttpHardening(platform.Http, builder.Environment);
builder.Services.AddPlatformRateLimits(platform.RateLimits);

builder.Services.AddPlatformMarten(platform);
builder.Services.AddPageCache(platform.Pages, platform.Live); // after the store: it hears the live notifier's changes and every commit
builder.Host.UseWolverine(opts =>
{
    opts.Policies.UseDurableLocalQueues();
    opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
    // Nodes beat every second; the leader assigns the views' shards within a second or two of a start, and a node silent
    // for 5 s is stale (seen so on two beats): its shards move to a live node within 10 s of its death (readiness:
    // ProjectionHealthCheck; measured by FailureTests and deploy/bench/run cluster).
    opts.Durability.FirstHealthCheckExecution = TimeSpan.FromMilliseconds(500);
    opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
    opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(5);
});
builder.Services.AddWolverineHttp();
// One-time rewrites of stored data, after the store's own start-up and before the node answers requests.
builder.Services.AddSingleton<AnonymousAuthors>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<AnonymousAuthors>());
builder.Services.AddSingleton<Platform.Api.Concerns.StrayConcernViews>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<Platform.Api.Concerns.StrayConcernViews>());
builder.Services.AddSingleton<Platform.Api.Scorecards.ConcernBoardRowsFill>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<Platform.Api.Scorecards.ConcernBoardRowsFill>());
builder.Services.AddSingleton<ParticipationPseudonyms>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<ParticipationPseudonyms>());
builder.Services.AddSingleton<IdempotencyRetention>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<IdempotencyRetention>());
if (platform.Demo.Seed)
{
    // The demo accounts share a password printed in the README: never in a deployment that residents use.
    if (!builder.Environment.IsDevelopment())
        throw new InvalidOperationException($"Platform:Demo:Seed is refused in the {builder.Environment.EnvironmentName} environment: the demo network (with its published password) is seeded in Development only.");
    builder.Services.AddHostedService<DemoSeeding>();
}
var developmentModules = builder.AddDevelopmentModules(); // none unless Platform:DevelopmentModules names one (Development only)
builder.AddPlatformTelemetry(platform.Telemetry); // traces and metrics; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set

// A node that is not ready yet (starting, stopping) says so in its readiness answer; the health check service would also log
// every such answer as an error, once a second per proxy that asks.
builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
// A body the API cannot read is the client's mistake, answered 400 naming the field: not an error of the platform.
// A filter without a category is the rule for every category without one of its own, in place of Logging:LogLevel:Default,
// so it applies that default itself (without it, every such category would log at debug level and below).
var defaultLogLevel = builder.Configuration.GetValue("Logging:LogLevel:Default", LogLevel.Information);
var bodyTypes = new JsonBodyTypes();
builder.Logging.AddFilter((category, level) => level >= defaultLogLevel && !bodyTypes.IsClientMistakeLog(category, level));

var app = builder.Build();

app.UseLiveHubPipeline(); // the hub's WebSockets: forwarded headers and authentication only, for their lifetime (docs/live-views.md)
app.UseHttpHardening(); // forwarded headers from trusted proxies, HSTS, secure cookies, security headers
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWeb(); // static files; the page language for non-API requests
app.UseRouting();
app.UseMiddleware<KnownCityMiddleware>(); // an unknown city is a 404 for everyone, before any role check
app.UseMiddleware<EmptyRouteIdMiddleware>(); // so is the empty id, which Marten refuses as a stream id
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: writes are limited per account
app.UseAuthorization();
app.UseMiddleware<NulCharacterMiddleware>(); // U+0000 in a query value or form field is a 400 naming it: PostgreSQL cannot store it
app.UsePageCache(); // anonymous visitors' pages from memory, dropped when their city's views change (docs/page-cache.md)
app.UseMiddleware<IdempotencyMiddleware>(); // after authorization: keys are scoped to the caller

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportJson.WriteAsync });
app.MapOpenApi();
app.MapScalarApiReference("/api/reference");
app.MapHub<LiveHub>(LiveHub.Path);
app.MapWolverineEndpoints(opts =>
{
    opts.TenantId.IsRouteArgumentNamed(RequestCity.RouteValue); // the same rule as the pages: the city is the route's
    opts.RejectUnparseableQueryValues = true; // ?page=abc is a 400 naming page, not page 1
    // A null or non-object JSON body is a 400 naming $, before any handler runs; so is U+0000 in one of its strings.
    opts.Policies.Add(new JsonBodyRule(app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions, bodyTypes));
});
app.MapWeb(); // the pages (Pages/), the home page at /
app.MapDevelopmentModules(developmentModules);

return await app.RunJasperFxCommands(args);

/// <summary>The API's entry point, visible to the test host.</summary>
public partial class Program;
