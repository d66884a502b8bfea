using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Platform.Api.Web;

/// <summary>
/// Pages call the API's endpoint methods and read their answer here, so a page refuses exactly what the
/// API refuses, with the same problem details, shown next to the form's fields.
/// </summary>
public static class EndpointAnswers
{
    /// <summary>The problem the endpoint answered, or null when it succeeded.</summary>
    public static ProblemDetails? Problem(this IResult answer) => answer switch
    {
        ProblemHttpResult problem => problem.ProblemDetails,
        IStatusCodeHttpResult { StatusCode: >= 400 } status => new ProblemDetails { Status = status.StatusCode },
        _ => null,
    };

    /// <summary>The value of a successful answer (201 Created, 200 OK), when it is a <typeparamref name="T"/>.</summary>
    public static T? Value<T>(this IResult answer) where T : class =>
        answer is IValueHttpResult { Value: T value } ? value : null;

    /// <summary>
    /// Puts the problem's field errors on the model state, under the field names the form uses (the API's
    /// camelCase names; <c>rights[2]</c> goes to <c>rights</c>), translated. A problem without field errors
    /// becomes a form-wide error (empty key) with its title.
    /// </summary>
    /// <param name="formField">Maps an API field name to the form's, when the default (<see cref="FormField"/>) does not fit.</param>
    public static void AddTo(this ProblemDetails problem, ModelStateDictionary modelState, IStringLocalizer<Text> text, Func<string, string>? formField = null)
    {
        if (problem is ValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            foreach (var (field, messages) in validation.Errors)
                foreach (var message in messages)
                    modelState.AddModelError((formField ?? FormField)(field), text[message]);
            return;
        }
        modelState.AddModelError("", text[problem.Title ?? problem.Detail ?? "Something went wrong. Please try again."]);
    }

    /// <summary>The form field an API field error belongs to: list items belong to the list; the whole body to the form.</summary>
    public static string FormField(string apiField)
    {
        if (apiField == "$") return "";
        var bracket = apiField.IndexOf('[');
        return bracket > 0 ? apiField[..bracket] : apiField;
    }
}
