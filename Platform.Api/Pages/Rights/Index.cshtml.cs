using Platform.Domain.Reference;

namespace Platform.Api.Pages.Rights;

/// <summary>Know your rights: every right of the reference catalogue, in the page's language, each linking to its page in the city.</summary>
public sealed class RightsIndexModel(CityDirectory directory) : CityPageModel(directory)
{
    /// <summary>The rights of the catalogue in the order of their names in the page's language.</summary>
    public IReadOnlyList<Right> Rights { get; private set; } = [];

    public void OnGet([FromServices] IStringLocalizer<Text> text)
    {
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, true);
        Rights = ReferenceCatalogue.Default.Rights.Values.OrderBy(r => text[r.Name].Value, comparer).ToList();
    }

    /// <summary>The resource key of a right's plain-language explanation (Text.resx, in every language).</summary>
    public static string Explanation(string code) => $"Knowledge.Right.{code}";
}
