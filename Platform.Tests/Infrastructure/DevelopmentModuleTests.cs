using JasperFx;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.Api.Infrastructure;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Development modules (the benchmarks' password-less residents live in one) are no part of the API's build: the API
/// loads one only when <c>Platform:DevelopmentModules</c> names its assembly, and only in the Development environment.
/// </summary>
[Collection(Name)]
public sealed class DevelopmentModuleTests(DevelopmentModuleTests.WithModule app)
{
    public const string Name = "development-module";

    [Fact]
    public async Task In_Development_the_named_module_adds_its_services_and_endpoints()
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(TestModule.Path); x.StatusCodeShouldBeOk(); });
        Assert.Equal("loaded", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task A_module_named_outside_Development_stops_the_start_up()
    {
        Environment.SetEnvironmentVariable("PLATFORM_DB", TestDatabase.ConnectionString);
        JasperFxEnvironment.AutoStartHost = true;
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var host = await AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Test"); // any environment but Development (Production first asks for its own settings)
                builder.UseSetting("Platform:KeyRing:CertificatePath", TestDatabase.KeyRingCertificate);
                builder.UseSetting(DevelopmentModules.Section + ":0", typeof(TestModule).Assembly.Location);
            });
        });
        Assert.NotNull(failure);
        Assert.Contains("Development environment only", failure.ToString());
    }

    /// <summary>The usual test host, in the Development environment, naming this test assembly as a module.</summary>
    public sealed class WithModule : AppFixture
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting(DevelopmentModules.Section + ":0", typeof(TestModule).Assembly.Location);
        }
    }
}

/// <summary>Alone, like every collection with a host of its own (see <see cref="Open311.Open311RateLimitCollection"/>).</summary>
[CollectionDefinition(DevelopmentModuleTests.Name, DisableParallelization = true)]
public sealed class DevelopmentModuleCollection : ICollectionFixture<DevelopmentModuleTests.WithModule>;

/// <summary>The usual test host names no module: the module's endpoint is not there.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class WithoutDevelopmentModuleTests(AppFixture app)
{
    [Fact]
    public async Task Without_the_setting_no_module_is_loaded() =>
        await app.Host.Scenario(x => { x.Get.Url(TestModule.Path); x.StatusCodeShouldBe(404); });
}

/// <summary>A development module for the tests: one service and one endpoint that reads it.</summary>
public sealed class TestModule : IDevelopmentModule
{
    public const string Path = "/test-development-module";

    public void AddServices(WebApplicationBuilder builder) => builder.Services.AddSingleton(new TestModuleState("loaded"));

    public void Map(WebApplication app) => app.MapGet(Path, (TestModuleState state) => Results.Text(state.Value));
}

public sealed record TestModuleState(string Value);
