
namespace Platform.Api.Accounts;

public static class AccountEmailSetup
{
    /// <summary>The mailed account links (email verification, password reset) on the settings of <c>Platform:AccountLinks</c>.</summary>
    public static IServiceCollection AddAccountEmails(this IServiceCollection services, AccountLinkOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<AccountLinks>();
        services.AddSingleton<AccountEmails>();
        return services;
    }
}
