using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Domain.Monitoring;

namespace Platform.Api.Reports;

/// <summary>
/// Renders a <see cref="CityReport"/> as one self-contained HTML page: semantic sections with headings in the VLR
/// order, tables with captions and header scopes, the stylesheet inlined (wwwroot/css/report.css) with its print rules.
/// </summary>
public static class ReportPage
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream("report.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The section headings, in the order of the UN DESA guiding elements for Voluntary Local Reviews.</summary>
    public static readonly (string Id, string Title)[] Sections =
    [
        ("introduction", "Introduction"),
        ("methodology", "Methodology and participation"),
        ("policy", "Policy and enabling environment"),
        ("progress", "Progress on goals and targets"),
        ("means", "Means of implementation"),
        ("conclusions", "Conclusions and next steps"),
        ("annex", "Statistical annex"),
    ];

    public static string Render(CityReport r)
    {
        var h = new StringBuilder();
        string E(object? value) => HtmlEncoder.Default.Encode(value switch
        {
            null => "–",
            double d => d.ToString("0.##", CultureInfo.InvariantCulture),
            decimal m => m.ToString("#,0.##", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            Enum e => Words(e),
            _ => value.ToString() ?? "",
        });
        string Status(ProgressStatus s) => $"<span class=\"status status-{JsonNamingPolicy.CamelCase.ConvertName(s.ToString())}\">{E(s)}</span>";
        string Section(int i) => $"<section id=\"{Sections[i].Id}\" aria-labelledby=\"{Sections[i].Id}-h\"><h2 id=\"{Sections[i].Id}-h\">{i + 1}. {Sections[i].Title}</h2>";

        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append($"<title>{E(r.Name)}: human rights monitoring report {r.Year}</title><style>{Css.Value}</style></head><body>")
         .Append("<a class=\"skip\" href=\"#main\">Skip to the report</a>")
         .Append($"<header><p class=\"muted\">Human rights city monitoring report · Voluntary Local Review</p><h1>{E(r.Name)} {r.Year}</h1>")
         .Append($"<p class=\"muted\">Generated {E(r.GeneratedAt)}. Data: <a href=\"/api/cities/{E(r.City)}/reports/{r.Year}\">JSON</a>.</p></header>")
         .Append("<nav aria-label=\"Contents\"><h2 class=\"screen-only\">Contents</h2><ol>");
        foreach (var (id, title) in Sections) h.Append($"<li><a href=\"#{id}\">{title}</a></li>");
        h.Append("</ol></nav><main id=\"main\">");

        var intro = r.Introduction;
        h.Append(Section(0)).Append("<dl class=\"figures\">")
         .Append($"<dt>Population</dt><dd>{(intro.Population is { } p ? p.ToString("#,0", CultureInfo.InvariantCulture) : "–")}</dd>")
         .Append($"<dt>Indicators adopted</dt><dd>{intro.IndicatorsAdopted}</dd>")
         .Append($"<dt>Common core adopted</dt><dd>{intro.CoreAdopted} of {intro.CoreRequired}</dd>")
         .Append($"<dt>Recognition</dt><dd>{(intro.Recognition is { } award ? $"{E(award.Level)} ({E(award.Cycle)} cycle, {E(award.AwardedAt)})" : "–")}</dd>")
         .Append("</dl></section>");

        var m = r.Methodology;
        h.Append(Section(1)).Append("<p>Indicators follow the OHCHR framework (structural, process, outcome) and the network's common core; progress is assessed with the Open SDG method. Values recorded for the year by data source:</p>")
         .Append("<table><caption>Values by source</caption><thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Values</th></tr></thead><tbody>");
        foreach (var (source, count) in m.ValuesBySource) h.Append($"<tr><th scope=\"row\">{E(source)}</th><td class=\"number\">{count}</td></tr>");
        var y = m.Participation;
        h.Append("</tbody></table><h3>Participation</h3><table><caption>Residents' participation</caption><thead><tr><th scope=\"col\">Figure</th>")
         .Append($"<th scope=\"col\">{r.Year}</th></tr></thead><tbody>")
         .Append($"<tr><th scope=\"row\">Concerns raised</th><td class=\"number\">{y.ConcernsRaised}</td></tr>")
         .Append($"<tr><th scope=\"row\">Consultations opened</th><td class=\"number\">{y.ConsultationsOpened}</td></tr>")
         .Append($"<tr><th scope=\"row\">Consultations closed</th><td class=\"number\">{y.ConsultationsClosed}</td></tr>")
         .Append($"<tr><th scope=\"row\">Town halls held</th><td class=\"number\">{y.TownHallsHeld}</td></tr>")
         .Append($"<tr><th scope=\"row\">Proposals submitted</th><td class=\"number\">{y.ProposalsSubmitted}</td></tr>")
         .Append($"<tr><th scope=\"row\">Proposals reaching the support threshold</th><td class=\"number\">{y.ProposalsReachedThreshold}</td></tr></tbody></table>");
        if (m.ToDate is { } s)
            h.Append("<dl class=\"figures\">")
             .Append($"<dt>Concerns answered within the deadline (to date)</dt><dd>{s.Concerns.AnsweredWithinDeadline} of {s.Concerns.Answered}</dd>")
             .Append($"<dt>Consultation responses (to date)</dt><dd>{s.Consultations.Responses}</dd>")
             .Append($"<dt>Proposals decided within the deadline (to date)</dt><dd>{s.Proposals.DecidedWithinDeadline} of {s.Proposals.Decided}</dd></dl>");
        h.Append("</section>");

        var pol = r.PolicyEnvironment;
        h.Append(Section(2));
        if (pol.Framework.Count > 0)
        {
            h.Append("<table><caption>Framework self-assessment (FRA): items in place per section</caption><thead><tr><th scope=\"col\">Section</th><th scope=\"col\">In place</th><th scope=\"col\">Items</th></tr></thead><tbody>");
            foreach (var (section, c) in pol.Framework) h.Append($"<tr><th scope=\"row\">{E(section)}</th><td class=\"number\">{c.InPlace}</td><td class=\"number\">{c.Items}</td></tr>");
            h.Append("</tbody></table>");
        }
        h.Append(pol.AssessmentCycle is null ? "<p>No self-assessment cycle yet.</p>"
            : $"<p>Assessment cycle {E(pol.AssessmentCycle)} ({E(pol.Stage)}){(pol.ReviewerCity is { } rc ? $", peer-reviewed by {E(rc)}" : "")}.</p>");
        h.Append("<h3>Peer-review recommendations and follow-up</h3>");
        if (pol.Recommendations.Count == 0) h.Append("<p>No recommendations published.</p>");
        else
        {
            h.Append("<table><caption>Recommendations</caption><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Recommendation</th><th scope=\"col\">Response</th><th scope=\"col\">Follow-up</th></tr></thead><tbody>");
            foreach (var rec in pol.Recommendations)
            {
                var last = rec.FollowUps.LastOrDefault();
                h.Append($"<tr><td>{E(rec.Item)}</td><td>{E(rec.Text)}</td><td>{E(rec.Response)}</td><td>{(last is null ? "–" : $"{E(last.Status)} ({E(last.Date)}): {E(last.Text)}")}</td></tr>");
            }
            h.Append("</tbody></table>");
        }
        h.Append("</section>");

        h.Append(Section(3));
        if (r.Progress.Count == 0) h.Append("<p>No indicators adopted by the end of the year.</p>");
        foreach (var right in r.Progress)
        {
            h.Append($"<h3>{E(right.Name)}</h3><table><caption>Indicators of the right: {E(right.Name)}</caption><thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Baseline</th>")
             .Append("<th scope=\"col\">Latest</th><th scope=\"col\">Target</th><th scope=\"col\">Trend</th><th scope=\"col\">Progress</th><th scope=\"col\">Residents' survey</th></tr></thead><tbody>");
            foreach (var i in right.Indicators)
                h.Append($"<tr><th scope=\"row\">{E(i.Name)} <span class=\"muted\">({E(i.Code)}, {E(i.Unit)})</span></th>")
                 .Append($"<td class=\"number\">{E(i.Baseline.Value)} ({E(i.Baseline.Period)})</td>")
                 .Append($"<td class=\"number\">{(i.Latest is { } l ? $"{E(l.Value)} ({E(l.Period)})" : "–")}</td>")
                 .Append($"<td class=\"number\">{(i.Target is { } t ? $"{E(t)} by {i.TargetYear}" : "–")}</td>")
                 .Append($"<td>{E(i.Trend)}</td><td>{Status(i.Status)}</td>")
                 .Append($"<td class=\"number\">{(i.Community is { } c ? $"{E(c.Value)} ({E(c.Period)})" : "–")}</td></tr>");
            h.Append("</tbody></table>");
        }
        h.Append("</section>");

        var means = r.MeansOfImplementation;
        h.Append(Section(4)).Append($"<p>{means.Commitments.Count} commitment(s), total budget {E(means.Budget)}.</p>");
        if (means.Commitments.Count > 0)
        {
            h.Append("<table><caption>Commitments and their status</caption><thead><tr><th scope=\"col\">Commitment</th><th scope=\"col\">Department</th><th scope=\"col\">Due</th><th scope=\"col\">Budget</th><th scope=\"col\">Progress</th><th scope=\"col\">Status</th></tr></thead><tbody>");
            foreach (var c in means.Commitments)
                h.Append($"<tr><th scope=\"row\">{E(c.Title)}</th><td>{E(c.Department)}</td><td>{E(c.DueDate)}</td><td class=\"number\">{E(c.Budget)}</td><td class=\"number\">{c.Progress} %</td><td>{E(c.Status)}</td></tr>");
            h.Append("</tbody></table>");
        }
        h.Append("</section>");

        var con = r.Conclusions;
        h.Append(Section(5)).Append("<table><caption>Indicators by progress status</caption><thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Indicators</th></tr></thead><tbody>");
        foreach (var (status, count) in con.Statuses) h.Append($"<tr><th scope=\"row\">{Status(status)}</th><td class=\"number\">{count}</td></tr>");
        h.Append("</tbody></table><h3>Next steps</h3><ul>");
        foreach (var step in con.NextSteps) h.Append($"<li>{E(step)}</li>");
        h.Append("</ul></section>");

        h.Append(Section(6)).Append("<p>Headline values up to the year; every group is in the downloadable files.</p>");
        foreach (var a in r.StatisticalAnnex)
        {
            h.Append($"<table><caption>{E(a.Name)} ({E(a.Code)}, {E(a.Unit)}) · <a href=\"{E(a.DataCsv)}\">CSV</a> · <a href=\"{E(a.DataJson)}\">JSON</a></caption>")
             .Append("<thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Value</th><th scope=\"col\">Source</th></tr></thead><tbody>")
             .Append($"<tr><th scope=\"row\">{E(a.Baseline.Period)}</th><td class=\"number\">{E(a.Baseline.Value)}</td><td>baseline</td></tr>");
            foreach (var v in a.Values) h.Append($"<tr><th scope=\"row\">{E(v.Period)}</th><td class=\"number\">{E(v.Value)}</td><td>{E(v.Source)}</td></tr>");
            h.Append("</tbody></table>");
        }
        h.Append("</section></main><footer><p class=\"muted\">Structure: UN DESA guiding elements for Voluntary Local Reviews (2020). Open data: <a href=\"/api/open-data\">data dictionary</a>.</p></footer></body></html>");
        return h.ToString();
    }

    /// <summary>"AccelerationNeeded" → "acceleration needed".</summary>
    private static string Words(Enum value)
    {
        var name = value.ToString();
        var words = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(ch));
        }
        return words.ToString();
    }
}
