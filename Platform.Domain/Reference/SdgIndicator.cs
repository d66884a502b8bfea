namespace Platform.Domain.Reference;

/// <summary>An SDG global indicator (such as 11.2.1) and the target it measures (11.2).</summary>
public sealed record SdgIndicator(string Code, string Name)
{
    /// <summary>The target code: the indicator code without its last part ("11.2.1" gives "11.2").</summary>
    public string Target => Code[..Code.LastIndexOf('.')];
}
