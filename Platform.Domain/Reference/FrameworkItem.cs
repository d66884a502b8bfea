namespace Platform.Domain.Reference;

/// <summary>The three parts of the FRA framework for human rights cities.</summary>
public enum FrameworkSection
{
    /// <summary>A items: the commitments a human rights city rests on.</summary>
    Foundations,
    /// <summary>B items: the institutions that carry the commitment.</summary>
    Structures,
    /// <summary>C items: the working methods that put it into practice.</summary>
    Tools,
}

/// <summary>
/// One item of the FRA self-assessment checklist (A1, B4, C9). <paramref name="ConfirmedInSource"/> is
/// "yes", "partly" or "no": whether the wording was checked against FRA's own text.
/// </summary>
public sealed record FrameworkItem(string Code, FrameworkSection Section, string Text, string ConfirmedInSource);
