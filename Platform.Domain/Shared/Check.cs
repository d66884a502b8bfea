namespace Platform.Domain;

/// <summary>
/// The input checks every decider shares, in one home: each adds the error naming the field at fault to
/// <c>errors</c>, so a decider collects all that is wrong with a command before refusing it.
/// </summary>
public static class Check
{
    /// <summary>A text that must be given, of at most <paramref name="max"/> characters once trimmed.</summary>
    public static void Required(string? value, string field, int max, List<DomainError> errors)
    {
        if (RequiredError(value, field, max) is { } error) errors.Add(error);
    }

    /// <summary>The error of <see cref="Required(string?, string, int, List{DomainError})"/>, or null when the text is fine.</summary>
    public static DomainError? RequiredError(string? value, string field, int max) =>
        string.IsNullOrWhiteSpace(value) ? DomainError.Invalid(field, $"The {field} is required.")
        : value.Trim().Length > max ? DomainError.Invalid(field, $"The {field} may have at most {max} characters.")
        : null;

    /// <summary>A text that may be left out, of at most <paramref name="max"/> characters as given.</summary>
    public static void MaxLength(string? value, string field, int max, List<DomainError> errors)
    {
        if (value is { Length: var length } && length > max) errors.Add(DomainError.Invalid(field, $"The {field} may have at most {max} characters."));
    }

    /// <summary>The trimmed text, or null for a missing or blank one.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A list of codes (rights, SDG targets): at most <paramref name="max"/> of them, each one <paramref name="known"/>;
    /// an unknown one is named by its place in the list (<c>rights[2]</c>).
    /// </summary>
    public static void Codes(IReadOnlyList<string?>? codes, string field, int max, Func<string, bool> known, string unknown, List<DomainError> errors)
    {
        if (codes is null) return;
        if (codes.Count > max)
        {
            errors.Add(DomainError.Invalid(field, $"Name at most {max}."));
            return;
        }
        for (var i = 0; i < codes.Count; i++)
            if (codes[i] is not { } code || !known(code))
                errors.Add(DomainError.Invalid($"{field}[{i}]", $"'{codes[i]}' {unknown}."));
    }

    /// <summary>
    /// A link anyone can open: an absolute http or https URL of at most <paramref name="max"/> characters. Answers
    /// the trimmed link, or null when it is missing (an error only if <paramref name="required"/>) or not such a link.
    /// </summary>
    public static string? Url(string? value, string field, int max, bool required, string requiredMessage, string invalidMessage, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(DomainError.Invalid(field, requiredMessage));
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > max
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(DomainError.Invalid(field, invalidMessage));
            return null;
        }
        return trimmed;
    }
}
