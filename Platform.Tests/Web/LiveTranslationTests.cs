using System.Globalization;
using System.Resources;
using Platform.Api.Web;

namespace Platform.Tests.Web;

/// <summary>The words of the live screens and accountability pages (<see cref="LiveText"/>): listed, and translated in every language.</summary>
public sealed class LiveTranslationTests
{
    private static readonly ResourceManager Resources = new(typeof(LiveText));

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
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Platform.Api/Pages"));
        var used = Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\bL\[""([^""]+)""").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(used);
        var missing = used.Except(Keys(CultureInfo.InvariantCulture)).ToList();
        Assert.True(missing.Count == 0, $"LiveText.resx lacks: {string.Join("; ", missing)}");
    }
}
