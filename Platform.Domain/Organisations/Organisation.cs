namespace Platform.Domain.Organisations;

/// <summary>Where an organisation stands: registered and waiting, verified, declined, or suspended.</summary>
public enum OrganisationStatus
{
    Pending,
    Verified,
    Declined,
    Suspended,
}

/// <summary>
/// The write-side state of an organisation: what its rules need. <see cref="Members"/> are the accounts that act for it
/// (an erased member's masked id, <see cref="Guid.Empty"/>, is no member).
/// </summary>
public sealed record Organisation(Guid Id, string Name, OrganisationStatus Status, string[] Groups, Guid[] Members)
{
    public static Organisation From(OrganisationRegistered e) => new(e.OrganisationId, e.Name, OrganisationStatus.Pending, e.Groups, []);

    public Organisation Then(OrganisationMemberAdded e) =>
        e.AccountId == Guid.Empty || Members.Contains(e.AccountId) ? this : this with { Members = [.. Members, e.AccountId] };
    public Organisation Then(OrganisationMemberRemoved e) => this with { Members = Members.Where(m => m != e.AccountId).ToArray() };
    public Organisation Then(OrganisationVerified _) => this with { Status = OrganisationStatus.Verified };
    public Organisation Then(OrganisationDeclined _) => this with { Status = OrganisationStatus.Declined };
    public Organisation Then(OrganisationSuspended _) => this with { Status = OrganisationStatus.Suspended };

    public bool IsMember(Guid account) => account != Guid.Empty && Members.Contains(account);

    /// <summary>Whether <paramref name="account"/> acts for the organisation now: a member of a verified organisation.</summary>
    public bool ActsFor(Guid account) => Status == OrganisationStatus.Verified && IsMember(account);
}

/// <summary>The write-side state of a shadow report: who published it, its latest version, whether a moderator hid it.</summary>
public sealed record ShadowReport(Guid Id, Guid OrganisationId, int Year, int Version, bool Hidden, ShadowReportText? Text = null, string? Note = null)
{
    public static ShadowReport From(ShadowReportPublished e) => new(e.ReportId, e.OrganisationId, e.Year, 1, false, e.Text);
    public ShadowReport Then(ShadowReportCorrected e) => this with { Version = e.Version, Text = e.Text, Note = e.Note };
    public ShadowReport Then(ShadowReportHidden _) => this with { Hidden = true };
    public ShadowReport Then(ShadowReportRestored _) => this with { Hidden = false };
}
