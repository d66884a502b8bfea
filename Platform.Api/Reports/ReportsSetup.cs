namespace Platform.Api.Reports;

/// <summary>Everything the Reports feature registers: the annual report reader (it only reads existing views).</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddSingleton<CityReportReader>();
}
