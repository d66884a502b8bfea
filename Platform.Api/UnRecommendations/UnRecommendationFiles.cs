using Platform.Domain.UnRecommendations;

namespace Platform.Api.UnRecommendations;

/// <summary>What both faces of an import share: the command for a file's text, and how a refused or too large file is named.</summary>
public static class UnRecommendationFiles
{
    /// <summary>The command for a file's text, each row with a new id.</summary>
    public static ImportUnRecommendations Command(string city, Guid officialId, string text)
    {
        var (rows, malformed) = UnRecommendationCsv.Read(text, Guid.CreateVersion7);
        return new ImportUnRecommendations(UnRecommendationRules.RegisterOf(city), city, officialId, rows, malformed);
    }

    public const string MalformedTitle = "The file is not a table of UN recommendations (source, cycle, paragraph, text, rights, sdgTargets).";

    /// <summary>A file over <see cref="UnRecommendationRules.MaxImportBytes"/>: refused before (or while) it is read, nothing recorded.</summary>
    public static readonly DomainError TooLarge = new(ErrorKind.Invalid, "file-too-large",
        $"A file may have at most {UnRecommendationRules.MaxImportBytes / (1024 * 1024)} MB; split it.", "file");
}
