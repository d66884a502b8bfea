using System.Text;
using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>The body of an adoption: the indicator's code (a local one's definition too), baseline, target and department.</summary>
public sealed record AdoptIndicatorRequest(
    string? Code, BaselineInput? Baseline, double? Target, int? TargetYear, string? Department,
    Guid? ConsultationId, LocalIndicatorInput? Local);

/// <summary>The body of a target change (a null target clears it).</summary>
public sealed record ChangeTargetRequest(double? Target, int? TargetYear, string? Reason);

/// <summary>
/// A file import's report, as both faces show it: a file not in the Open SDG layout (400) or rows that cannot be
/// taken (422), each problem with its line and column; nothing was stored.
/// </summary>
public static class ImportReport
{
    /// <summary>At most this many problems are listed; all are counted.</summary>
    public const int Listed = 1000;

    /// <summary>A file over <see cref="MonitoringRules.MaxImportBytes"/>: refused before (or while) it is read, nothing stored.</summary>
    public static readonly DomainError TooLargeError = new(ErrorKind.Invalid, "file-too-large",
        $"A file may have at most {MonitoringRules.MaxImportBytes / (1024 * 1024)} MB; split it by year.", "file");

    /// <summary>
    /// The text of a file (UTF-8), or null when it is larger than <see cref="MonitoringRules.MaxImportBytes"/>: a body
    /// that says its <paramref name="length"/> is refused unread, any other is read up to the limit and no further.
    /// </summary>
    public static Task<string?> ReadAsync(Stream body, long? length, CancellationToken cancellation) =>
        ReadAsync(body, length, MonitoringRules.MaxImportBytes, cancellation);

    /// <summary>As <see cref="ReadAsync(Stream, long?, CancellationToken)"/>, with a limit of <paramref name="maxBytes"/> (another feature's files).</summary>
    public static async Task<string?> ReadAsync(Stream body, long? length, int maxBytes, CancellationToken cancellation)
    {
        if (length > maxBytes) return null;
        using var reader = new StreamReader(body, Encoding.UTF8);
        var text = new StringBuilder(length is { } known ? (int)known : 4096);
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellation)) > 0)
        {
            // UTF-8 has at least one byte a character: more characters than the limit's bytes is a larger file.
            if (text.Length + read > maxBytes) return null;
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }

    /// <summary>The answer to a file over the limit: 413, naming <c>file</c>.</summary>
    public static IResult TooLarge() => TooLarge(TooLargeError);

    /// <summary>The answer to a file over a feature's limit: 413, with <paramref name="error"/> (naming <c>file</c>).</summary>
    public static IResult TooLarge(DomainError error)
    {
        var problem = Infrastructure.Problems.From([error]);
        problem.Status = StatusCodes.Status413PayloadTooLarge;
        problem.Title = error.Message;
        return Results.Problem(problem);
    }

    /// <summary>The command for a file's text, read in the Open SDG layout.</summary>
    public static ImportMeasurements Command(string city, string code, Guid officialId, string text, string? source, string? methodNote, string? reason)
    {
        var (rows, malformed, cells) = OpenSdgCsv.Read(text);
        return new ImportMeasurements(SeriesStream.Id(city, code), code, officialId, rows, malformed, cells, source, methodNote, reason);
    }

    /// <summary>The row-by-row problems of a refusal, empty when it refused for another reason (no such series, a race lost).</summary>
    public static IReadOnlyList<ImportProblem> Problems(Written written) =>
        written.Errors.Select(MeasurementImport.Problem).OfType<ImportProblem>().ToList();

    /// <summary>The refusal as the API answers it.</summary>
    public static IResult Problem(Written written) => Problem(written, "The file is not in the Open SDG layout.");

    /// <summary>The refusal as the API answers it, <paramref name="malformedTitle"/> saying what layout a malformed file misses.</summary>
    public static IResult Problem(Written written, string malformedTitle)
    {
        var problems = Problems(written);
        if (problems.Count == 0) return written.Problem;
        var malformed = written.Errors[0].Kind == ErrorKind.Invalid;
        var (status, code, title) = malformed
            ? (StatusCodes.Status400BadRequest, "malformed-csv", malformedTitle)
            : (StatusCodes.Status422UnprocessableEntity, "import-refused", RefusedTitle);
        return Results.Problem(statusCode: status, title: title, type: $"https://human-rights-cities.org/problems/{code}",
            detail: $"{problems.Count} problem(s); the first: line {problems[0].Line}, column {problems[0].Column}: {problems[0].Problem}",
            extensions: new Dictionary<string, object?> { ["code"] = code, ["problems"] = problems.Take(Listed).ToList(), ["problemCount"] = problems.Count });
    }

    public const string RefusedTitle = "Some rows cannot be imported; nothing was stored.";
}
