namespace Platform.Tests.Support;

/// <summary>The PostgreSQL database the tests use: PLATFORM_DB (set by deploy/test), else the local test cluster's default.</summary>
public static class TestDatabase
{
    public const string Default = "Host=127.0.0.1;Port=5433;Database=platform_test;Username=platform;Password=platform;Maximum Pool Size=200";

    /// <summary>The certificate that encrypts the test hosts' key ring (made once, outside the database, as Development does).</summary>
    public static string KeyRingCertificate { get; } = MakeKeyRingCertificate();

    private static string MakeKeyRingCertificate()
    {
        var file = Path.Combine(Path.GetTempPath(), "hrc-tests", "keyring.pfx");
        Platform.Api.Accounts.KeyRingCertificate.CreateOrLoad(file).Dispose();
        return file;
    }

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("PLATFORM_DB") is { Length: > 0 } given ? given : Default;
}
