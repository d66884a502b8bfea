namespace Platform.Api.Mail;

public static class MailSetup
{
    /// <summary>The SMTP sender, on the settings of <c>Platform:Mail</c>.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, MailOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<Mailer>();
        return services;
    }
}
