
namespace Platform.Api.Infrastructure;

/// <summary>
/// The paging rule of every list: <c>page</c> from 1 to <see cref="MaxPage"/>, <c>pageSize</c> from 1 to the
/// list's own maximum. The bound on the page keeps the offset, (page - 1) × pageSize, well inside an int, so
/// <c>page=2147483647</c> is refused with 400 naming <c>page</c> instead of overflowing into a negative offset.
/// </summary>
public static class Paging
{
    /// <summary>The last page anyone may ask for: at 100 items a page, an offset below 100 million.</summary>
    public const int MaxPage = 1_000_000;

    public static readonly string PageMessage = "The page number is a whole number from 1.";
    public static readonly string PageTooHighMessage = $"The page number is at most {MaxPage}.";
    public static string PageSizeMessage(int maxPageSize) => $"The page size is a whole number between 1 and {maxPageSize}.";

    /// <summary>Adds an error naming <c>page</c> or <c>pageSize</c> for each value out of its range.</summary>
    public static void Check(int page, int pageSize, int maxPageSize, List<DomainError> errors)
    {
        if (page < 1) errors.Add(DomainError.Invalid("page", PageMessage));
        else if (page > MaxPage) errors.Add(DomainError.Invalid("page", PageTooHighMessage));
        if (pageSize < 1 || pageSize > maxPageSize) errors.Add(DomainError.Invalid("pageSize", PageSizeMessage(maxPageSize)));
    }

    /// <summary>How many items come before the page; throws rather than wraps if a caller skipped <see cref="Check"/>.</summary>
    public static int Offset(int page, int pageSize) => checked((page - 1) * pageSize);

    /// <summary>Every item of a list read page by page (<paramref name="page"/> reads one, of <paramref name="pageSize"/>), up to <paramref name="maxPages"/> pages.</summary>
    public static async Task<List<T>> AllAsync<T>(Func<int, Task<(IReadOnlyList<T> Items, long Total)>> page, int pageSize, int maxPages)
    {
        var all = new List<T>();
        for (var number = 1; number <= maxPages; number++)
        {
            var (items, total) = await page(number);
            all.AddRange(items);
            if (number * pageSize >= total) break;
        }
        return all;
    }
}

/// <summary>One page of a list: its items, where it stands, and how many items the whole list holds.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
