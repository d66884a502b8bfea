namespace Platform.Domain.IndicatorProposals;

/// <summary>Limits of what residents, organisations and officials write about a proposed indicator.</summary>
public static class IndicatorProposalRules
{
    public const int NameMaxLength = 300;
    public const int UnitMaxLength = 100;
    public const int SourceMaxLength = 500;
    public const int WhyMaxLength = 4000;
    public const int ReasonMaxLength = 2000;
}
