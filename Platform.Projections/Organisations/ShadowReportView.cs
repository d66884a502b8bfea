using Platform.Domain.Organisations;

namespace Platform.Projections.Organisations;

/// <summary>The view of a shadow report with every version, kept by an inline projection of its stream.</summary>
public sealed class ShadowReportView
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>The organisation's name when it published the report.</summary>
    public string OrganisationName { get; set; } = "";
    public int Year { get; set; }
    /// <summary>Every version, the first first; the last is the report as it stands.</summary>
    public List<ShadowReportVersionView> Versions { get; set; } = [];
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Hidden { get; set; }
    /// <summary>The moderator's public reason for hiding it (kept after a restoration, with <see cref="RestoredReason"/>).</summary>
    public string? HiddenReason { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
    public string? RestoredReason { get; set; }
    public long Sequence { get; set; }
}

/// <summary>One version of a shadow report: its number, text, the note on what a correction changed, and when.</summary>
public sealed record ShadowReportVersionView(int Version, ShadowReportText Text, string? Note, DateTimeOffset At);

/// <summary>Inline projection of a ShadowReport stream into <see cref="ShadowReportView"/>.</summary>
public sealed class ShadowReportViewProjection : SingleStreamProjection<ShadowReportView, Guid>
{
    public static ShadowReportView Create(IEvent<ShadowReportPublished> e) => new()
    {
        Id = e.Data.ReportId,
        OrganisationId = e.Data.OrganisationId,
        OrganisationName = e.Data.OrganisationName,
        Year = e.Data.Year,
        Versions = [new ShadowReportVersionView(1, e.Data.Text, null, e.Data.PublishedAt)],
        PublishedAt = e.Data.PublishedAt,
        UpdatedAt = e.Data.PublishedAt,
        Sequence = e.Sequence,
    };

    public static void Apply(IEvent<ShadowReportCorrected> e, ShadowReportView view)
    {
        view.Versions.Add(new ShadowReportVersionView(e.Data.Version, e.Data.Text, e.Data.Note, e.Data.CorrectedAt));
        view.UpdatedAt = e.Data.CorrectedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<ShadowReportHidden> e, ShadowReportView view)
    {
        view.Hidden = true;
        view.HiddenReason = e.Data.Reason;
        view.HiddenAt = e.Data.HiddenAt;
        view.RestoredReason = null;
        view.UpdatedAt = e.Data.HiddenAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<ShadowReportRestored> e, ShadowReportView view)
    {
        view.Hidden = false;
        view.RestoredReason = e.Data.Reason;
        view.UpdatedAt = e.Data.RestoredAt;
        view.Sequence = e.Sequence;
    }
}
