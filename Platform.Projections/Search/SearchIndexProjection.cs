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
public sealed class SearchIndexProjection(string schema) : IProjection, ISqlRebuild
{
    private readonly string _upsert =
        $"insert into {schema}.{SearchIndex.TableName} as s (tenant_id, item_id, kind, title, body, status, rights, at) values (?, ?, ?, ?, ?, ?, ?, ?) " +
        "on conflict (tenant_id, item_id) do update set kind = excluded.kind, title = excluded.title, body = excluded.body, " +
        "status = excluded.status, rights = excluded.rights, at = excluded.at";
    private readonly string _status = $"update {schema}.{SearchIndex.TableName} set status = ? where tenant_id = ? and item_id = ?";
    private readonly string _hidden = $"update {schema}.{SearchIndex.TableName} set hidden = ? where tenant_id = ? and item_id = ?";
    private readonly string _noText = $"update {schema}.{SearchIndex.TableName} set title = '', body = '' where tenant_id = ? and item_id = ?";

    /// <summary>
    /// The first event of each kind of item, with what the index takes from it; the JSON names of those fields (the
    /// store writes them in camel case) are the rebuild statement's.
    /// </summary>
    private static readonly First[] Firsts =
    [
        First.Of<ConcernRaised>("concern", Name(ConcernStatus.Open), r => new(r.ConcernId, r.AuthorId, r.Title, r.Description, r.Rights, r.RaisedAt),
            nameof(ConcernRaised.ConcernId), nameof(ConcernRaised.AuthorId), nameof(ConcernRaised.Rights), nameof(ConcernRaised.RaisedAt)),
        First.Of<ProposalSubmitted>("proposal", Name(ProposalStatus.Open), s => new(s.ProposalId, s.AuthorId, s.Title, s.Description, s.Rights, s.SubmittedAt),
            nameof(ProposalSubmitted.ProposalId), nameof(ProposalSubmitted.AuthorId), nameof(ProposalSubmitted.Rights), nameof(ProposalSubmitted.SubmittedAt)),
        First.Of<CommitmentPublished>("commitment", Name(CommitmentPhase.Active), p => new(p.CommitmentId, p.OfficialId, p.Title, p.Description, p.Rights, p.PublishedAt),
            nameof(CommitmentPublished.CommitmentId), nameof(CommitmentPublished.OfficialId), nameof(CommitmentPublished.Rights), nameof(CommitmentPublished.PublishedAt)),
        First.Of<ConsultationDrafted>("consultation", Name(ConsultationStatus.Draft), d => new(d.ConsultationId, d.OfficialId, d.Title, d.Description, [], d.DraftedAt),
            nameof(ConsultationDrafted.ConsultationId), nameof(ConsultationDrafted.OfficialId), null, nameof(ConsultationDrafted.DraftedAt)),
    ];

    /// <summary>
    /// The events that change an item once it is indexed, each with the typed value it sets: a status (as the search's
    /// <c>status</c> filter names it), whether the item is hidden after a hiding or a restoring, or a redaction.
    /// </summary>
    private static readonly Change[] Changes =
    [
        Change.Status<ConcernAcknowledged>(a => a.ConcernId, nameof(ConcernAcknowledged.ConcernId), Name(ConcernStatus.Acknowledged)),
        Change.Status<ConcernAnswered>(a => a.ConcernId, nameof(ConcernAnswered.ConcernId), Name(ConcernStatus.Answered)),
        Change.Status<ConcernDeclined>(d => d.ConcernId, nameof(ConcernDeclined.ConcernId), Name(ConcernStatus.Declined)),
        Change.Status<ConcernResolved>(r => r.ConcernId, nameof(ConcernResolved.ConcernId), Name(ConcernStatus.Resolved)),
        Change.Status<ConcernWithdrawn>(w => w.ConcernId, nameof(ConcernWithdrawn.ConcernId), Name(ConcernStatus.Withdrawn)),
        Change.Status<ConcernReopened>(r => r.ConcernId, nameof(ConcernReopened.ConcernId), Name(ConcernStatus.Acknowledged)),
        Change.Status<ProposalThresholdReached>(t => t.ProposalId, nameof(ProposalThresholdReached.ProposalId), Name(ProposalStatus.ThresholdReached)),
        Change.Status<ProposalAccepted>(a => a.ProposalId, nameof(ProposalAccepted.ProposalId), Name(ProposalStatus.Accepted)),
        Change.Status<ProposalRejected>(r => r.ProposalId, nameof(ProposalRejected.ProposalId), Name(ProposalStatus.Rejected)),
        Change.Status<ProposalWithdrawn>(w => w.ProposalId, nameof(ProposalWithdrawn.ProposalId), Name(ProposalStatus.Withdrawn)),
        Change.Status<CommitmentFulfilled>(f => f.CommitmentId, nameof(CommitmentFulfilled.CommitmentId), Name(CommitmentPhase.Fulfilled)),
        Change.Status<CommitmentAbandoned>(a => a.CommitmentId, nameof(CommitmentAbandoned.CommitmentId), Name(CommitmentPhase.Abandoned)),
        Change.Status<ConsultationOpened>(o => o.ConsultationId, nameof(ConsultationOpened.ConsultationId), Name(ConsultationStatus.Open)),
        Change.Status<ConsultationClosed>(c => c.ConsultationId, nameof(ConsultationClosed.ConsultationId), Name(ConsultationStatus.Closed)),
        Change.Status<ConsultationOutcomePublished>(o => o.ConsultationId, nameof(ConsultationOutcomePublished.ConsultationId), Name(ConsultationStatus.OutcomePublished)),
        Change.Visibility<ConcernHidden>(h => h.ConcernId, nameof(ConcernHidden.ConcernId), hidden: true),
        Change.Visibility<ConcernRestored>(r => r.ConcernId, nameof(ConcernRestored.ConcernId), hidden: false),
        Change.Redaction<ConcernRedacted>(r => r.ConcernId, nameof(ConcernRedacted.ConcernId)),
    ];

    private static readonly Dictionary<Type, First> FirstByType = Firsts.ToDictionary(f => f.Type);
    private static readonly Dictionary<Type, Change> ChangeByType = Changes.ToDictionary(c => c.Type);

    /// <summary>Every event <see cref="ApplyAsync"/> acts on: the first event of each kind of item, and the changes (statuses, hiding and restoring, redaction).</summary>
    public static readonly Type[] EventTypes = [.. Firsts.Select(f => f.Type), .. Changes.Select(c => c.Type)];

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            var tenant = e.TenantId;
            var type = e.Data.GetType();
            if (FirstByType.TryGetValue(type, out var first))
            {
                var item = first.Read(e.Data);
                var masked = item.Author == Guid.Empty;
                operations.QueueSqlCommand(_upsert, tenant, item.Id, first.Kind, masked ? "" : Clean(item.Title), masked ? "" : Clean(item.Body),
                    first.Status, item.Rights, item.At.ForTimestamptz());
            }
            else if (ChangeByType.TryGetValue(type, out var change))
            {
                var item = change.Item(e.Data);
                switch (change)
                {
                    case StatusChange status: operations.QueueSqlCommand(_status, status.Status, tenant, item); break;
                    case VisibilityChange visibility: operations.QueueSqlCommand(_hidden, visibility.Hidden, tenant, item); break;
                    case RedactionChange: operations.QueueSqlCommand(_noText, tenant, item); break;
                }
            }
        }
        return Task.CompletedTask;
    }

    public string Table => $"{schema}.{SearchIndex.TableName}";

    /// <summary>
    /// One row per item from its first event, with the status of its last status change, hidden as its last hiding or
    /// restoring left it, and no text if it was redacted or its author erased: what <see cref="ApplyAsync"/> leaves
    /// after applying the events one by one, each text search column computed once per item instead of once per change.
    /// </summary>
    public string RebuildSql(Func<Type, string> eventTypeName)
    {
        string Types(IEnumerable<Type> types) => ISqlRebuild.List(eventTypeName, types);
        string Case(IEnumerable<(Type Type, string Sql)> arms) =>
            "case type " + string.Concat(arms.Select(a => $"when {Types([a.Type])} then {a.Sql} ")) + "end";
        string Field(string name) => $"(data ->> '{JsonName(name)}')";
        string ItemOf(IEnumerable<Change> changes) => Case(changes.Select(c => (c.Type, Field(c.ItemField)))) + "::uuid";
        string Last<TChange>(Func<TChange, string> valueSql, string column) where TChange : Change
        {
            var changes = Changes.OfType<TChange>().ToList();
            return $"select distinct on (tenant_id, item) tenant_id, item, value as {column} from (select tenant_id, seq_id, {ItemOf(changes)} as item, " +
                $"{Case(changes.Select(c => (c.Type, valueSql(c))))} as value from {schema}.mt_events " +
                $"where type in ({Types(changes.Select(c => c.Type))}) and not is_archived) changes order by tenant_id, item, seq_id desc";
        }
        var redactions = Changes.OfType<RedactionChange>().ToList();
        const string noMarks = "chr(2) || chr(3), '  '";

        return
            $"insert into {Table} (tenant_id, item_id, kind, title, body, status, rights, hidden, at) " +
            "select f.tenant_id, f.item, f.kind, " +
            $"case when f.masked or r.item is not null then '' else translate(f.title, {noMarks}) end, " +
            $"case when f.masked or r.item is not null then '' else translate(f.body, {noMarks}) end, " +
            "coalesce(s.status, f.status), f.rights, coalesce(h.hidden, false), f.at from (" +
            $"select tenant_id, {Case(Firsts.Select(f => (f.Type, Field(f.IdField))))}::uuid as item, " +
            $"{Case(Firsts.Select(f => (f.Type, $"'{f.Kind}'")))} as kind, {Field("title")} as title, {Field("description")} as body, " +
            $"{Case(Firsts.Select(f => (f.Type, $"'{f.Status}'")))} as status, " +
            $"({Case(Firsts.Select(f => (f.Type, $"{Field(f.AuthorField)}::uuid")))}) = '{Guid.Empty}'::uuid as masked, " +
            $"{Case(Firsts.Select(f => (f.Type, f.RightsField is null ? "'{}'::text[]" : $"array(select jsonb_array_elements_text(data -> '{JsonName(f.RightsField)}'))")))} as rights, " +
            // The JSON has ticks (seven decimals); the parameter the inline projection writes is cut to microseconds, not rounded.
            $"regexp_replace({Case(Firsts.Select(f => (f.Type, Field(f.AtField))))}, '(\\.\\d{{6}})\\d+', '\\1')::timestamptz as at " +
            $"from {schema}.mt_events where type in ({Types(Firsts.Select(f => f.Type))}) and not is_archived) f " +
            $"left join ({Last<StatusChange>(c => $"'{c.Status}'", "status")}) s on s.tenant_id = f.tenant_id and s.item = f.item " +
            $"left join ({Last<VisibilityChange>(c => c.Hidden ? "true" : "false", "hidden")}) h on h.tenant_id = f.tenant_id and h.item = f.item " +
            $"left join (select distinct tenant_id, {ItemOf(redactions)} as item from {schema}.mt_events " +
            $"where type in ({Types(redactions.Select(c => c.Type))}) and not is_archived) r on r.tenant_id = f.tenant_id and r.item = f.item";
    }

    /// <summary>The status names of the search, lower case (as the lists' <c>status</c> filters take them).</summary>
    public static string Name<TStatus>(TStatus status) where TStatus : struct, Enum => status.ToString().ToLowerInvariant();

    /// <summary>Text without the two control characters the snippets use as highlight marks (see the search reader).</summary>
    private static string Clean(string text) => text.Replace(SearchIndex.MarkStart, ' ').Replace(SearchIndex.MarkEnd, ' ');

    /// <summary>A property's name as the store writes it in the event's JSON (camel case).</summary>
    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    /// <summary>What the index takes from an item's first event.</summary>
    private sealed record Item(Guid Id, Guid Author, string Title, string Body, string[] Rights, DateTimeOffset At);

    /// <summary>A first event: its kind and status at first, how to read it, and the JSON names of its fields (title and description are named so in every one).</summary>
    private sealed record First(Type Type, string Kind, string Status, Func<object, Item> Read, string IdField, string AuthorField, string? RightsField, string AtField)
    {
        public static First Of<T>(string kind, string status, Func<T, Item> read, string id, string author, string? rights, string at) =>
            new(typeof(T), kind, status, e => read((T)e), id, author, rights, at);
    }

    /// <summary>
    /// An event that changes an indexed item: the item it names (and that field's JSON name); what it changes is its
    /// kind's (<see cref="StatusChange"/>, <see cref="VisibilityChange"/>, <see cref="RedactionChange"/>).
    /// </summary>
    private abstract record Change(Type Type, Func<object, Guid> Item, string ItemField)
    {
        public static StatusChange Status<T>(Func<T, Guid> item, string itemField, string status) => new(typeof(T), e => item((T)e), itemField, status);

        public static VisibilityChange Visibility<T>(Func<T, Guid> item, string itemField, bool hidden) => new(typeof(T), e => item((T)e), itemField, hidden);

        public static RedactionChange Redaction<T>(Func<T, Guid> item, string itemField) => new(typeof(T), e => item((T)e), itemField);
    }

    /// <summary>Moves the item to <paramref name="Status"/> (its name as the search's <c>status</c> filter takes it, see <see cref="Name"/>).</summary>
    private sealed record StatusChange(Type Type, Func<object, Guid> Item, string ItemField, string Status) : Change(Type, Item, ItemField);

    /// <summary>Hides the item from the search (<paramref name="Hidden"/>) or shows it again.</summary>
    private sealed record VisibilityChange(Type Type, Func<object, Guid> Item, string ItemField, bool Hidden) : Change(Type, Item, ItemField);

    /// <summary>Removes the item's text from the index.</summary>
    private sealed record RedactionChange(Type Type, Func<object, Guid> Item, string ItemField) : Change(Type, Item, ItemField);
}
