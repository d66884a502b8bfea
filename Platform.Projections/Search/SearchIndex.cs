using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Platform.Projections.Search;

/// <summary>
/// The full-text index of a city's concerns, proposals, commitments and consultations: one row per item, written by
/// <see cref="SearchIndexProjection"/> in the transaction that appends the item's events. Every row is indexed under
/// each text search configuration the platform speaks (English, French, Dutch, and <c>simple</c>, which only folds case
/// and serves Ukrainian and exact words in any language); a search stems the query with the searcher's language and
/// matches it against the column of that language, or its words unstemmed against the <c>simple</c> column. The title
/// weighs A and the body B, so a title match ranks above a body match.
/// </summary>
public static class SearchIndex
{
    public const string TableName = "search_entry";

    /// <summary>The page languages and the column (text search configuration) each one searches.</summary>
    public static readonly IReadOnlyDictionary<string, SearchLanguage> Languages = new Dictionary<string, SearchLanguage>
    {
        ["en"] = new("english", "doc_english"),
        ["fr"] = new("french", "doc_french"),
        ["nl"] = new("dutch", "doc_dutch"),
        ["uk"] = new("simple", "doc_simple"),
    };

    /// <summary>The configuration every language also matches with: words as written, case folded.</summary>
    public static readonly SearchLanguage Simple = Languages["uk"];

    /// <summary>The statuses in which an item is never found: a withdrawn concern or proposal, a consultation still in draft.</summary>
    public static readonly string[] UnlistedStatuses = ["withdrawn", "draft"];

    /// <summary>The characters <c>ts_headline</c> puts around a match; the indexed text never holds them, so a snippet's marks are only these.</summary>
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    public static Table Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("item_id").AsPrimaryKey();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<string>("title").NotNull();
        table.AddColumn<string>("body").NotNull();
        table.AddColumn<string>("status").NotNull();
        table.AddColumn("rights", "text[]").NotNull();
        table.AddColumn<bool>("hidden").NotNull().DefaultValueByExpression("false");
        table.AddColumn("at", "timestamptz").NotNull();
        foreach (var language in Languages.Values.DistinctBy(l => l.Column))
        {
            table.AddColumn(language.Column, "tsvector").GeneratedAs(
                $"setweight(to_tsvector('{language.Configuration}'::regconfig, title), 'A') || setweight(to_tsvector('{language.Configuration}'::regconfig, body), 'B')");
            table.Indexes.Add(new IndexDefinition($"ix_{TableName}_{language.Column}") { Columns = [language.Column], Method = IndexMethod.gin });
        }
        return table;
    }

    /// <summary>The condition that finds the rows matching the text parameter <paramref name="parameter"/> in <paramref name="language"/> (alias <paramref name="alias"/>).</summary>
    public static string Matches(string alias, SearchLanguage language, string parameter) =>
        $"({alias}.{language.Column} @@ websearch_to_tsquery('{language.Configuration}', {parameter}) " +
        $"or {alias}.{Simple.Column} @@ websearch_to_tsquery('simple', {parameter}))";

    /// <summary>The language a search in <paramref name="pageLanguage"/> (two letters) stems with; English for any other.</summary>
    public static SearchLanguage For(string pageLanguage) => Languages.GetValueOrDefault(pageLanguage) ?? Languages["en"];

    /// <summary>Removes the text of items from the index (an author's erasure): they are no longer found by any word.</summary>
    public static string ForgetTextSql(string schema) =>
        $"update {schema}.{TableName} set title = '', body = '' where tenant_id = $1 and item_id = any($2)";
}

/// <summary>A PostgreSQL text search configuration and the index column built with it.</summary>
public sealed record SearchLanguage(string Configuration, string Column);
