namespace Platform.Domain.Assessments;

/// <summary>The recognition levels the network awards; see <see cref="RecognitionRules"/> for what each needs.</summary>
public enum RecognitionLevel
{
    Recognised,
    Advanced,
}
