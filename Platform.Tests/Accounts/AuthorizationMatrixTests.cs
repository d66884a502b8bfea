using Xunit.Abstractions;

namespace Platform.Tests.Accounts;

/// <summary>
/// The authorization matrix of the API, generated from its OpenAPI document: every write (POST, PUT, PATCH, DELETE) x
/// every caller (anonymous; resident, verified resident, official, moderator of the city; the same of another city;
/// a network administrator), each also with the other city forged into its query and body, with another city's item in
/// its route, and in a city that does not exist. Who may call each write is written once, in <see cref="WriteOperations"/>;
/// every cell checks the answer and what the store holds afterwards. One run serves the tests below (see <see cref="ApiMatrixRun"/>).
/// </summary>
[Collection(IntegrationCollection.Name)]
public class AuthorizationMatrixTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_write_the_API_documents_has_a_written_expectation_so_a_new_one_cannot_slip_in_untested()
    {
        var run = await ApiMatrixRun.OfAsync(app);
        Report(run, null);
        Assert.True(run.Uncovered.Count == 0, "Writes in the OpenAPI document without an expectation in WriteOperations: " + string.Join(", ", run.Uncovered));
        Assert.True(run.Stale.Count == 0, "Expectations in WriteOperations for writes the OpenAPI document no longer has: " + string.Join(", ", run.Stale));
        Assert.True(run.Undocumented.Count == 0, "Writes the app maps but its OpenAPI document leaves out (the matrix cannot see them): " + string.Join(", ", run.Undocumented));
    }

    [Fact]
    public async Task Each_caller_may_write_only_what_their_role_in_that_city_allows_and_a_refused_write_stores_nothing()
    {
        var run = await ApiMatrixRun.OfAsync(app);
        AssertCells(run, CellKind.Role, CellKind.Author);
    }

    [Fact]
    public async Task No_caller_acts_in_a_city_where_they_hold_no_role_whatever_city_and_ids_the_query_and_body_name()
    {
        var run = await ApiMatrixRun.OfAsync(app);
        AssertCells(run, CellKind.Forged);
    }

    [Fact]
    public async Task An_item_of_another_city_in_the_route_is_not_found_and_nothing_is_stored()
    {
        var run = await ApiMatrixRun.OfAsync(app);
        AssertCells(run, CellKind.ElsewhereItem);
    }

    [Fact]
    public async Task In_an_unknown_city_every_write_is_not_found_for_every_caller()
    {
        var run = await ApiMatrixRun.OfAsync(app);
        AssertCells(run, CellKind.UnknownCity);
    }

    private void AssertCells(ApiMatrixRun run, params CellKind[] kinds)
    {
        var cells = run.Cells.Where(c => kinds.Contains(c.Kind)).ToList();
        Report(run, cells);
        Assert.NotEmpty(cells);
        var failures = cells.Where(c => c.Failure is not null).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells.Count} cells failed:\n" +
            string.Join("\n", failures.Take(60).Select(c => $"  {c.Operation} as {c.Caller} ({c.Kind}, expected {c.Expected}): {c.Failure}")));
    }

    private void Report(ApiMatrixRun run, IReadOnlyList<Cell>? these)
    {
        var operations = run.Cells.Select(c => c.Operation).Distinct().Count();
        output.WriteLine($"API authorization matrix: {run.Cells.Count} cells over {operations} documented writes (the app maps {run.Mapped} under /api), " +
                         $"in {run.Elapsed.TotalSeconds:F1} s ({run.Sending.TotalSeconds:F1} s of it the cells' own requests).");
        foreach (var kind in Enum.GetValues<CellKind>())
            output.WriteLine($"  {kind}: {run.Cells.Count(c => c.Kind == kind)} cells, {run.Cells.Count(c => c.Kind == kind && c.Failure is not null)} failed");
        if (these is not null) output.WriteLine($"This test checks {these.Count} of them.");
    }
}
