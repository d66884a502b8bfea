using System.Globalization;

namespace Platform.Domain.Reference;

/// <summary>Language codes the platform accepts for city names, city languages and account preferences.</summary>
public static class LanguageCodes
{
    /// <summary>
    /// An ISO 639 code (two or three lower-case letters, such as en, uk or fil) that the runtime's culture
    /// data knows, so pages can be formatted in it. Region variants are not city languages.
    /// </summary>
    public static bool IsKnown(string? code)
    {
        if (code is not { Length: 2 or 3 } || !code.All(char.IsAsciiLetterLower)) return false;
        try
        {
            var culture = CultureInfo.GetCultureInfo(code, predefinedOnly: true);
            return culture.TwoLetterISOLanguageName == code || culture.ThreeLetterISOLanguageName == code;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
