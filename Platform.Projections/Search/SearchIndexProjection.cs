using Marten.Events.Projections;
using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;

namespace Platform.Projections.Search;

/// <summary>
/// Inline projection that keeps <see cref="SearchIndex"/> in the transaction that appends the events: an item is
/// findable as soon as the write that created it answers, and stops being findable in the write that hides, redacts or
/// withdraws it. The index keeps no personal data beyond the public text: a masked first event (an erased author's,
/// a redacted concern's) is indexed without its text.
/// </summary>
public sealed class SearchIndexProjection(string schema) : IProjection
{
    private readonly string _upsert =
        $"insert into {schema}.{SearchIndex.TableName} as s (tenant_id, item_id, kind, title, body, status, rights, at) values (?, ?, ?, ?, ?, ?, ?, ?) " +
        "on conflict (tenant_id, item_id) do update set kind = excluded.kind, title = excluded.title, body = excluded.body, " +
        "status = excluded.status, rights = excluded.rights, at = excluded.at";
    private readonly string _status = $"update {schema}.{SearchIndex.TableName} set status = ? where tenant_id = ? and item_id = ?";
    private readonly string _hidden = $"update {schema}.{SearchIndex.TableName} set hidden = ? where tenant_id = ? and item_id = ?";
    private readonly string _noText = $"update {schema}.{SearchIndex.TableName} set title = '', body = '' where tenant_id = ? and item_id = ?";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            var tenant = e.TenantId;
            switch (e.Data)
            {
                case ConcernRaised r:
                    Upsert(operations, tenant, r.ConcernId, "concern", r.AuthorId, r.Title, r.Description, Name(ConcernStatus.Open), r.Rights, r.RaisedAt);
                    break;
                case ProposalSubmitted s:
                    Upsert(operations, tenant, s.ProposalId, "proposal", s.AuthorId, s.Title, s.Description, Name(ProposalStatus.Open), s.Rights, s.SubmittedAt);
                    break;
                case CommitmentPublished p:
                    Upsert(operations, tenant, p.CommitmentId, "commitment", p.OfficialId, p.Title, p.Description, Name(CommitmentPhase.Active), p.Rights, p.PublishedAt);
                    break;
                case ConsultationDrafted d:
                    Upsert(operations, tenant, d.ConsultationId, "consultation", d.OfficialId, d.Title, d.Description, Name(ConsultationStatus.Draft), [], d.DraftedAt);
                    break;
                case ConcernRedacted r:
                    operations.QueueSqlCommand(_noText, tenant, r.ConcernId);
                    break;
                case ConcernHidden h:
                    operations.QueueSqlCommand(_hidden, true, tenant, h.ConcernId);
                    break;
                case ConcernRestored r:
                    operations.QueueSqlCommand(_hidden, false, tenant, r.ConcernId);
                    break;
                default:
                    if (StatusAfter(e.Data) is var (item, status)) operations.QueueSqlCommand(_status, status, tenant, item);
                    break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The status an event moves its item to, as the search's <c>status</c> filter names it.</summary>
    private static (Guid Item, string Status)? StatusAfter(object data) => data switch
    {
        ConcernAcknowledged a => (a.ConcernId, Name(ConcernStatus.Acknowledged)),
        ConcernAnswered a => (a.ConcernId, Name(ConcernStatus.Answered)),
        ConcernDeclined d => (d.ConcernId, Name(ConcernStatus.Declined)),
        ConcernResolved r => (r.ConcernId, Name(ConcernStatus.Resolved)),
        ConcernWithdrawn w => (w.ConcernId, Name(ConcernStatus.Withdrawn)),
        ConcernReopened r => (r.ConcernId, Name(ConcernStatus.Acknowledged)),
        ProposalThresholdReached t => (t.ProposalId, Name(ProposalStatus.ThresholdReached)),
        ProposalAccepted a => (a.ProposalId, Name(ProposalStatus.Accepted)),
        ProposalRejected r => (r.ProposalId, Name(ProposalStatus.Rejected)),
        ProposalWithdrawn w => (w.ProposalId, Name(ProposalStatus.Withdrawn)),
        CommitmentFulfilled f => (f.CommitmentId, Name(CommitmentPhase.Fulfilled)),
        CommitmentAbandoned a => (a.CommitmentId, Name(CommitmentPhase.Abandoned)),
        ConsultationOpened o => (o.ConsultationId, Name(ConsultationStatus.Open)),
        ConsultationClosed c => (c.ConsultationId, Name(ConsultationStatus.Closed)),
        ConsultationOutcomePublished o => (o.ConsultationId, Name(ConsultationStatus.OutcomePublished)),
        _ => null,
    };

    /// <summary>A masked event (its author erased, or its text redacted) has lost its author: it is indexed without text.</summary>
    private void Upsert(IDocumentOperations operations, string tenant, Guid item, string kind, Guid author, string title, string body,
        string status, string[] rights, DateTimeOffset at)
    {
        var masked = author == Guid.Empty;
        operations.QueueSqlCommand(_upsert, tenant, item, kind, masked ? "" : Clean(title), masked ? "" : Clean(body), status, rights, at);
    }

    /// <summary>The status names of the search, lower case (as the lists' <c>status</c> filters take them).</summary>
    public static string Name<TStatus>(TStatus status) where TStatus : struct, Enum => status.ToString().ToLowerInvariant();

    /// <summary>Text without the two control characters the snippets use as highlight marks (see the search reader).</summary>
    private static string Clean(string text) => text.Replace(SearchIndex.MarkStart, ' ').Replace(SearchIndex.MarkEnd, ' ');
}
