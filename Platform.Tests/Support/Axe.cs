using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Platform.Tests.Support;

/// <summary>axe-core as every accessibility test runs it: WCAG 2.0, 2.1 and 2.2, levels A and AA, plus best practices.</summary>
public static class Axe
{
    public static readonly AxeRunOptions Wcag22 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    /// <summary>
    /// Checks the page is in <paramref name="language"/>, runs axe on it as it stands, asserts axe really ran rules, and adds
    /// each violation (named by <paramref name="what"/>, the address and the offending markup) to <paramref name="violations"/>.
    /// </summary>
    public static async Task AuditAsync(this IPage page, string language, string what, List<string> violations)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var result = await page.RunAxe(Wcag22);
        Assert.NotEmpty(result.Passes); // axe really ran its rules on this page
        violations.AddRange(result.Violations.Select(v =>
            $"{what} ({page.Url}): {v.Id} – {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
    }

    /// <summary>
    /// Runs <paramref name="visit"/> on a browser page in <paramref name="language"/>; each call of the check it is given
    /// audits the page as it stands (<see cref="AuditAsync"/>, named by its argument). Fails at the end listing every
    /// violation found on every page checked.
    /// </summary>
    public static async Task AuditPagesAsync(this BrowserFixture browser, string language, Func<IPage, Func<string, Task>, Task> visit,
        [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var violations = new List<string>();
        await browser.RunAsync(page => visit(page, what => page.AuditAsync(language, what, violations)), language, test: test);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
