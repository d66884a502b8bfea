namespace Platform.Api.OpenData;

/// <summary>Everything the Open data feature registers: the catalogue of datasets (it reads through the features' readers).</summary>
public static class OpenDataSetup
{
    public static IServiceCollection AddOpenData(this IServiceCollection services) => services.AddSingleton<OpenDataCatalogue>();
}
