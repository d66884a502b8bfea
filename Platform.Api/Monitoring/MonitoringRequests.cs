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
    public static IResult Problem(Written written)
    {
        var problems = Problems(written);
        if (problems.Count == 0) return written.Problem;
        var malformed = written.Errors[0].Kind == ErrorKind.Invalid;
        var (status, code, title) = malformed
            ? (StatusCodes.Status400BadRequest, "malformed-csv", "The file is not in the Open SDG layout.")
            : (StatusCodes.Status422UnprocessableEntity, "import-refused", RefusedTitle);
        return Results.Problem(statusCode: status, title: title, type: $"https://human-rights-cities.org/problems/{code}",
            detail: $"{problems.Count} problem(s); the first: line {problems[0].Line}, column {problems[0].Column}: {problems[0].Problem}",
            extensions: new Dictionary<string, object?> { ["code"] = code, ["problems"] = problems.Take(Listed).ToList(), ["problemCount"] = problems.Count });
    }

    public const string RefusedTitle = "Some rows cannot be imported; nothing was stored.";
}
