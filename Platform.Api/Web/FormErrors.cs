using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Platform.Api.Web;

/// <summary>
/// Field-level error markup that every form uses the same way: the message sits next to its field with
/// id <c>{field}-error</c>, and the field points at it with <c>aria-describedby</c> and <c>aria-invalid</c>.
/// Field ids are the API's field names (title, rights, email), so the error summary links to them.
/// </summary>
public static class FormErrors
{
    public static bool HasError(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    /// <summary>The field's error messages in a paragraph, or nothing when it has none.</summary>
    public static IHtmlContent FieldError(this IHtmlHelper html, string field)
    {
        var state = html.ViewContext.ModelState;
        if (!state.TryGetValue(field, out var entry) || entry.Errors.Count == 0) return HtmlString.Empty;
        var messages = string.Join(" ", entry.Errors.Select(e => HtmlEncoder.Default.Encode(e.ErrorMessage)));
        return new HtmlString($"<p id=\"{field}-error\" class=\"field-error\">{messages}</p>");
    }

    /// <summary>Attributes for an input: <c>aria-invalid</c> and <c>aria-describedby</c> (its hint and its error) when they apply.</summary>
    public static IHtmlContent FieldAttributes(this IHtmlHelper html, string field, string? hintId = null)
    {
        var invalid = html.ViewContext.ModelState.HasError(field);
        var describedBy = string.Join(" ", new[] { hintId, invalid ? $"{field}-error" : null }.Where(x => x is not null));
        var attributes = (invalid ? "aria-invalid=\"true\" " : "") + (describedBy.Length > 0 ? $"aria-describedby=\"{describedBy}\"" : "");
        return new HtmlString(attributes);
    }

    /// <summary>All errors, in form order, as (field, message): the error summary links each to its field.</summary>
    public static IReadOnlyList<(string Field, string Message)> AllErrors(this ModelStateDictionary modelState) =>
        modelState.SelectMany(entry => entry.Value!.Errors.Select(e => (entry.Key, e.ErrorMessage))).ToList();
}
