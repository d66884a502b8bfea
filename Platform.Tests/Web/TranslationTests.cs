using System.Globalization;
using System.Resources;
using Platform.Api.Web;
using Platform.Domain.Reference;

namespace Platform.Tests.Web;

/// <summary>
/// The pages' words: every key used in a page is listed in Text.resx, French has them all (English and
/// French are complete), and Dutch and Ukrainian cover the resident flows (today: all keys as well).
/// </summary>
public sealed class TranslationTests
{
    private static readonly ResourceManager Resources = new(typeof(Text));

    private static IReadOnlyList<string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("uk")]
    public void Every_key_has_a_translation(string language)
    {
        var missing = Keys(CultureInfo.InvariantCulture).Except(Keys(CultureInfo.GetCultureInfo(language))).ToList();
        Assert.True(missing.Count == 0, $"{language} lacks: {string.Join("; ", missing)}");
    }

    [Fact]
    public void Every_key_a_page_uses_is_listed()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Platform.Api"));
        var used = Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Pages{Path.DirectorySeparatorChar}") || f.Contains($"{Path.DirectorySeparatorChar}Web{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\b(?:T|text)\[""([^""]+)""").Select(m => m.Groups[1].Value))
            .Distinct();
        var missing = used.Except(Keys(CultureInfo.InvariantCulture)).ToList();
        Assert.True(missing.Count == 0, $"Text.resx lacks: {string.Join("; ", missing)}");
    }

    [Fact]
    public void Every_right_of_the_catalogue_has_a_name_in_every_language()
    {
        var keys = Keys(CultureInfo.InvariantCulture);
        var missing = ReferenceCatalogue.Default.Rights.Values.Select(r => r.Name).Except(keys).ToList();
        Assert.Empty(missing);
    }
}
