
namespace Platform.Tests.Monitoring;

/// <summary>Every refused monitoring write answers problem details naming the field or rule, and stores nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class MonitoringBadInputTests(AppFixture app)
{
    /// <summary>endpoint (adopt, record or import; the series is IND-013 adopted with baseline 2018 unless the code differs), body, status, field or code named.</summary>
    public static TheoryData<string, string, int, string> RefusedWrites => new()
    {
        // Adopt: POST /indicators
        { "adopt", """{"code":""", 400, "$" },
        { "adopt", "null", 400, "$" },
        { "adopt", """{"code":"NOPE-9","baseline":{"period":"2018","value":1},"department":"X"}""", 404, "indicator-not-found" },
        { "adopt", """{"code":"IND-016","baseline":{"period":"2018","value":-3},"department":"X"}""", 400, "baseline.value" },
        { "adopt", """{"code":"IND-016","baseline":{"period":"2099","value":3},"department":"X"}""", 400, "baseline.period" },
        { "adopt", """{"code":"IND-016","baseline":{"period":"last year","value":3},"department":"X"}""", 400, "baseline.period" },
        { "adopt", """{"code":"IND-016","baseline":{"period":"2018","value":3},"department":""}""", 400, "department" },
        { "adopt", """{"code":"IND-016","baseline":{"period":"2018","value":3},"target":1,"department":"X"}""", 400, "targetYear" },
        { "adopt", """{"code":"IND-016","baseline":{"period":"2018","value":3},"target":1,"targetYear":2017,"department":"X"}""", 400, "targetYear" },
        { "adopt", """{"code":"IND-013","baseline":{"period":"2018","value":3},"department":"X"}""", 409, "indicator-already-adopted" },
        { "adopt", """{"code":"MY-1","baseline":{"period":"2018","value":3},"department":"X","local":{"name":"Mine","right":"housing","unit":"furlongs","direction":"increase"}}""", 400, "local.unit" },
        { "adopt", """{"code":"MY-1","baseline":{"period":"2018","value":3},"department":"X","local":{"name":"Mine","right":"flying","unit":"%","direction":"increase"}}""", 400, "local.right" },
        { "adopt", """{"code":"IND-016","baseline":{"period":"2018","value":3},"department":"X","consultationId":"0198c0de-0000-7000-8000-000000000000"}""", 400, "consultationId" },
        // Record: POST /indicators/{code}/measurements
        { "record", """{"period":""", 400, "$" },
        { "record", """{"period":"2020","value":"high"}""", 400, "$.value" },
        { "record", """{"period":"2020"}""", 400, "value" },
        { "record", """{"period":"2020","value":101}""", 400, "value" },
        { "record", """{"period":"2020","value":-1}""", 400, "value" },
        { "record", """{"period":"2099","value":50}""", 400, "period" },
        { "record", """{"period":"2017","value":50}""", 400, "period" },
        { "record", """{"period":"2020-Q5","value":50}""", 400, "period" },
        { "record", """{"period":"٢٠٢٠","value":50}""", 400, "period" }, // Arabic-Indic digits are not a year here
        { "record", """{"period":"2020","value":50,"disaggregation":{"religion":"any"}}""", 400, "disaggregation.religion" },
        { "record", """{"period":"2020","value":50,"source":"rumour"}""", 400, "source" },
        { "record", """{"period":"2020","value":50,"units":"furlongs"}""", 400, "units" },
        { "record:IND-071", """{"period":"2020","value":5}""", 400, "denominator" },
        { "record:IND-071", """{"period":"2020","value":5,"denominator":0}""", 400, "denominator" },
        { "record:NOPE-9", """{"period":"2020","value":50}""", 404, "indicator-not-found" },
        { "record:IND-021", """{"period":"2020","value":2.5}""", 404, "series-not-found" },
        // Import: POST /indicators/{code}/measurements/import
        { "import", "", 400, "malformed-csv" },
        { "import", "Period,Value\n2020,50\n", 400, "malformed-csv" },
        { "import", "Year,Sex\n2020,female\n", 400, "malformed-csv" },
        { "import", "Year,Sex,Value\n2020,female\n", 400, "malformed-csv" },
        { "import", "Year,Value\n", 400, "malformed-csv" },
        { "import", "Year,Value\n2020,\"50\n", 400, "malformed-csv" },
        { "import", "Year,Religion,Value\n2020,any,50\n", 422, "import-refused" },
        { "import", "Year,Units,Value\n2020,furlongs,50\n", 422, "import-refused" },
        { "import", "Year,Value\n2020,150\n", 422, "import-refused" },
        { "import:NOPE-9", "Year,Value\n2020,50\n", 404, "indicator-not-found" },
        { "import:IND-021", "Year,Value\n2020,2.5\n", 404, "series-not-found" },
        { "import", "Year,Value\n\u0662\u0660\u0662\u0660,50\n", 422, "import-refused" },
    };

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_a_problem_naming_the_field_or_rule_and_stores_nothing(string target, string body, int status, string field)
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2018", 80, 95, 2030);
        await app.AdoptAsync(city, official, "IND-071", "2018", 3, 2, 2030);
        var (endpoint, code) = target.Split(':') is [var e, var c] ? (e, c) : (target, "IND-013");
        var before = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            switch (endpoint)
            {
                case "adopt": x.Post.Text(body).ToUrl($"/api/cities/{city}/indicators"); break;
                case "record": x.Post.Text(body).ToUrl($"/api/cities/{city}/indicators/{code}/measurements"); break;
                case "import": x.Post.Text(body).ToUrl($"/api/cities/{city}/indicators/{code}/measurements/import"); break;
                default: throw new ArgumentException(target);
            }
            x.As(official);
            x.ConfigureHttpContext(ctx => ctx.Request.ContentType = endpoint == "import" ? "text/csv" : "application/json");
            x.StatusCodeShouldBe(status);
        });

        var problem = await ProblemAssert.NamesAsync(result, status, field);
        if (endpoint == "import" && status != 404)
            Assert.True(problem.GetProperty("problems").GetArrayLength() > 0);
        Assert.Equal(before, await app.EventCountAsync());
    }
}
