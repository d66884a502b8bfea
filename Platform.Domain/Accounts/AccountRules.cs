using System.Net.Mail;

namespace Platform.Domain.Accounts;

/// <summary>What a new account must satisfy.</summary>
public static class AccountRules
{
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 200;
    public const int DisplayNameMaxLength = 100;

    public static IReadOnlyList<DomainError> ValidateRegistration(string? email, string? password, string? displayName)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(email) || !IsEmail(email.Trim()))
            errors.Add(DomainError.Invalid("email", "A valid email address is required."));
        if (ValidatePassword(password) is { } invalid) errors.Add(invalid);
        if (string.IsNullOrWhiteSpace(displayName))
            errors.Add(DomainError.Invalid("displayName", "A display name is required."));
        else if (displayName.Trim().Length > DisplayNameMaxLength)
            errors.Add(DomainError.Invalid("displayName", $"The display name may have at most {DisplayNameMaxLength} characters."));
        return errors;
    }

    /// <summary>The password rule, at registration and at a change (field <c>password</c>); null when it holds.</summary>
    public static DomainError? ValidatePassword(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < PasswordMinLength
            ? DomainError.Invalid("password", $"The password needs at least {PasswordMinLength} characters.")
            : password.Length > PasswordMaxLength
                ? DomainError.Invalid("password", $"The password may have at most {PasswordMaxLength} characters.")
                : null;

    /// <summary>Emails are compared lower-cased and trimmed.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
