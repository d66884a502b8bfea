using Platform.Api.Organisations;

namespace Platform.Api.Reports;

/// <summary>
/// The shadow reports verified organisations published on the year's report (docs/organisations.md): each with its
/// organisation, title, how many versions, and its page and data. The council cannot edit or hide them; a report a
/// moderator hid is listed with the moderator's reason and without its title.
/// </summary>
public sealed record ReportShadowReports(IReadOnlyList<ReportShadowReport> Reports)
{
    public static async Task<ReportShadowReports> ReadAsync(IQuerySession session, string city, int year, CancellationToken cancellation) =>
        new((await OrganisationReader.ShadowReportsAsync(session, city, year, cancellation)).Select(r => new ReportShadowReport(
            r.Id, r.OrganisationId, r.OrganisationName, r.Current?.Text.Title, r.Versions.Count, r.PublishedAt, r.UpdatedAt, r.Hidden, r.HiddenReason,
            r.Page, $"/api/cities/{city}/reports/{year}/shadow/{r.Id}")).ToList());
}

/// <param name="Title">The latest version's title (null while a moderator hides it).</param>
/// <param name="Versions">How many versions it has (0 while hidden: they are not shown).</param>
public sealed record ReportShadowReport(Guid Id, Guid OrganisationId, string Organisation, string? Title, int Versions, DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt, bool Hidden, string? HiddenReason, string Page, string Data);
