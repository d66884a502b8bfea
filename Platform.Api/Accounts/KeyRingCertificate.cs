using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Api.Accounts;

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest (<c>Platform:KeyRing</c>). The key ring signs and
/// encrypts every cookie and bearer token and lives in PostgreSQL so all nodes share it; with this certificate, a copy
/// of the database alone cannot mint or read them.
/// </summary>
public sealed class KeyRingOptions
{
    /// <summary>
    /// A PKCS#12 file (.pfx) holding the certificate and its private key. Required outside Development. In Development,
    /// a missing file is generated there once; when unset, at <c>.data/keyring.pfx</c> beside the local database (outside it).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }
}

public static class KeyRingCertificate
{
    /// <summary>Where Development keeps its generated certificate, relative to the API's content root.</summary>
    public const string DevelopmentPath = "../.data/keyring.pfx";

    /// <summary>The configured certificate; in Development, the generated one (made on first use); elsewhere a clear refusal.</summary>
    public static X509Certificate2 Load(KeyRingOptions options, IHostEnvironment environment)
    {
        if (options.CertificatePath is { Length: > 0 } path)
        {
            var file = Path.GetFullPath(path, environment.ContentRootPath);
            if (!File.Exists(file) && environment.IsDevelopment()) return CreateOrLoad(file); // a development stack names where to keep it
            if (!File.Exists(file)) throw new InvalidOperationException($"Platform:KeyRing:CertificatePath names {file}, which does not exist.");
            return X509CertificateLoader.LoadPkcs12FromFile(file, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Set Platform:KeyRing:CertificatePath (a .pfx with a private key) in the {environment.EnvironmentName} environment: it encrypts the key ring that protects every cookie and token.");
        return CreateOrLoad(Path.GetFullPath(DevelopmentPath, environment.ContentRootPath));
    }

    /// <summary>A self-signed certificate kept in <paramref name="file"/>, made once (several processes may race to make it: the first file wins).</summary>
    public static X509Certificate2 CreateOrLoad(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=human-rights-cities key ring (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            var temporary = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}";
            File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, file, overwrite: false);
            }
            catch (IOException) when (File.Exists(file))
            {
                File.Delete(temporary); // another process made it first
            }
        }
        return X509CertificateLoader.LoadPkcs12FromFile(file, null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
