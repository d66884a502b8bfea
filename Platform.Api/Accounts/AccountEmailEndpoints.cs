
namespace Platform.Api.Accounts;

/// <summary>The HTTP face of <see cref="AccountEmails"/>: email verification and password reset by mailed links (docs/accounts.md).</summary>
public static class AccountEmailEndpoints
{
    /// <summary>Follows an email verification link: 200, or 400 for a link that is not valid, 410 for one used or expired.</summary>
    [WolverinePost("/api/accounts/email-verification", OperationId = "verifyEmail")]
    [AllowAnonymous]
    public static Task<IResult> Verify(VerifyEmail command, IDocumentSession session, AccountEmails emails, CancellationToken cancellation) =>
        emails.VerifyAsync(command, session, cancellation);

    /// <summary>Mails the caller's verification link again: 202; 409 when the address is verified already; 429 past the hourly limit.</summary>
    [WolverinePost("/api/accounts/me/email-verification", OperationId = "resendEmailVerification")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Resend(ClaimsPrincipal user, IDocumentSession session, IMessageBus bus, HttpContext context, AccountEmails emails,
        CancellationToken cancellation) =>
        emails.ResendVerificationAsync(user, session, bus, context, cancellation);

    /// <summary>Asks for a password reset link: always 202 with the same body, whether an account has the address or not.</summary>
    [WolverinePost("/api/accounts/password-reset", OperationId = "requestPasswordReset")]
    [AllowAnonymous]
    public static Task<IResult> RequestReset(RequestPasswordReset command, IDocumentSession session, IMessageBus bus, AccountEmails emails,
        CancellationToken cancellation) =>
        emails.RequestPasswordResetAsync(command, session, bus, cancellation);

    /// <summary>Sets a new password with a reset link's token: 200 (every earlier sign-in ended), 400 or 410 as for verification.</summary>
    [WolverinePost("/api/accounts/password-reset/new-password", OperationId = "resetPassword")]
    [AllowAnonymous]
    public static Task<IResult> Reset(ResetPassword command, IDocumentSession session, AccountEmails emails, CancellationToken cancellation) =>
        emails.ResetPasswordAsync(command, session, cancellation);
}
