namespace Platform.Domain.GoodPractices;

/// <summary>Limits on good practices; shared by the decider, the pages and docs/network-knowledge.md.</summary>
public static class GoodPracticeRules
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1_000;
    public const int TextMaxLength = 10_000;
    public const int ContactMaxLength = 300;
    public const int NoteMaxLength = 2_000;
    public const int MaxRights = 10;
    public const int MaxIndicators = 20;
    public const int MaxCommitments = 20;
    /// <summary>Revisions kept per practice (the first publication counts as version 1).</summary>
    public const int MaxVersions = 100;
}
