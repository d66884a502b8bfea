namespace Platform.Domain;

/// <summary>What kind of rule a command broke; the API maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input itself is wrong (400).</summary>
    Invalid,
    /// <summary>The thing addressed does not exist (404).</summary>
    NotFound,
    /// <summary>The command clashes with what already happened (409).</summary>
    Conflict,
    /// <summary>The input is well formed but a domain rule forbids it (422).</summary>
    RuleViolated,
    /// <summary>The caller may not do this to this thing, whatever their role (403), e.g. withdrawing someone else's concern.</summary>
    Forbidden,
}

/// <summary>A refused command, as a value. <paramref name="Field"/> names the input field at fault, if any.</summary>
public sealed record DomainError(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public static DomainError Invalid(string field, string message) => new(ErrorKind.Invalid, "invalid-" + field, message, field);
    public static DomainError NotFound(string what) => new(ErrorKind.NotFound, what + "-not-found", $"The {what} does not exist.");
    public static DomainError Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);
    public static DomainError Rule(string code, string message, string? field = null) => new(ErrorKind.RuleViolated, code, message, field);
}
