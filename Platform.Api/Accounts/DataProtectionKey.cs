namespace Platform.Api.Accounts;

/// <summary>One key of the ASP.NET Core data-protection key ring (which protects cookies and bearer tokens).</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}
