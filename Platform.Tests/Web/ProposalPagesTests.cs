
namespace Platform.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class ProposalPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_submits_a_proposal_and_another_supports_it_then_withdraws_the_support()
    {
        var (_, author) = await browser.AccountAsync("york");
        var (_, neighbour) = await browser.AccountAsync("york");
        var title = $"Free swimming lessons for refugee children {Guid.NewGuid():N}";
        Guid id = default;

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(author);
            await page.GotoAsync("/cities/york/concerns");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of York" }).GetByRole(AriaRole.Link, new() { Name = "Proposals" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Submit a proposal" }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Submit the proposal" }).ClickAsync();
            await Expect(page.Locator("#title-error")).ToHaveTextAsync("A title is required.");

            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Cultural life and diversity").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit the proposal" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cities/york/proposals/[0-9a-f-]{36}$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal is submitted");
            id = ResidentPages.IdInUrl(page);
        }, javaScript: false);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(neighbour);
            await page.GotoAsync($"/cities/york/proposals?q={Uri.EscapeDataString(title)}");
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/proposals/{id}$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Support this proposal" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your support is counted");
            await Expect(page.GetByText(new Regex("^Supports: 1 of"))).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my support" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your support is withdrawn");
            await Expect(page.GetByText(new Regex("^Supports: 0 of"))).ToBeVisibleAsync();
        });
    }
}
