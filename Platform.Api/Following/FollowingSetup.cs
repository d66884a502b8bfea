
namespace Platform.Api.Following;

/// <summary>Everything the Following feature registers.</summary>
public static class FollowingSetup
{
    public static IServiceCollection AddFollowing(this IServiceCollection services) =>
        services.AddSingleton<FollowingReader>().AddSingleton<FollowHandler>();

    public static void AddFollowing(this StoreOptions opts) => opts.Schema.For<Follow>().Index(f => f.ResidentId);
}
