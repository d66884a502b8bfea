
namespace Platform.Tests.Support;

/// <summary>What a resident does in the browser, step by step, as short calls for browser tests (English pages).</summary>
public static class ResidentPages
{
    public static async Task SignInAsync(this IPage page, string email, string password = BrowserFixture.Password)
    {
        await page.GotoAsync("/sign-in");
        // By field id, not label, so it works in every language.
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));
    }

    /// <summary>Raises a concern through the form and returns its id (from the detail page the form leads to).</summary>
    public static async Task<Guid> RaiseConcernAsync(this IPage page, string city, string title, string right = "Adequate housing", bool anonymous = false)
    {
        await page.GotoAsync($"/cities/{city}/concerns/new");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Description (optional)").FillAsync("Written in a browser test.");
        await page.GetByLabel(right, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("District (optional)").FillAsync("Clifton");
        if (anonymous) await page.GetByLabel("Raise it anonymously").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the concern" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/new"));
        return IdInUrl(page);
    }

    /// <summary>
    /// Posts a form from the page's browser context, as a forged form of its page could, with the antiforgery token of a
    /// form on the current page; the redirect is not followed. Answers the status and the redirect's path.
    /// </summary>
    public static async Task<(int Status, string Location)> PostFormAsync(this IPage page, string url, IReadOnlyDictionary<string, string> fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", await page.Locator("form input[name=__RequestVerificationToken]").First.InputValueAsync());
        foreach (var (name, value) in fields) form.Set(name, value);
        var answer = await page.Context.APIRequest.PostAsync(url, new() { Form = form, MaxRedirects = 0 });
        var location = answer.Headers.TryGetValue("location", out var to) ? to : "";
        return (answer.Status, Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : location);
    }

    /// <summary>
    /// Posts a form as <see cref="PostFormAsync"/> does, and answers the status and the page
    /// shown (empty on a redirect), to read a refused form's errors.
    /// </summary>
    public static async Task<(int Status, string Body)> PostFormForPageAsync(this IPage page, string url, IReadOnlyDictionary<string, string> fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", await page.Locator("form input[name=__RequestVerificationToken]").First.InputValueAsync());
        foreach (var (name, value) in fields) form.Append(name, value);
        var answer = await page.Context.APIRequest.PostAsync(url, new() { Form = form, MaxRedirects = 0 });
        return (answer.Status, answer.Status == 200 ? await answer.TextAsync() : "");
    }

    /// <summary>The id at the end of the page's address (a concern or proposal page).</summary>
    public static Guid IdInUrl(IPage page) => Guid.Parse(new Uri(page.Url).Segments[^1].TrimEnd('/'));
}
