using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Domain.EqualParticipation;

namespace Platform.Api.EqualParticipation;

/// <summary>
/// The resident fields of the assisted forms (the assisted concern page, the concern page's support, the consultation
/// page's answer), read as the API binds its body: an offline resident's number that is not one is refused at its own
/// field, never read as left out (which would name another field, or record a new offline resident beside a name).
/// </summary>
public static class AssistedResidentForm
{
    /// <summary>
    /// The resident the fields name; null when the offline resident's number is not one, with the refusal added to
    /// <paramref name="modelState"/> at <paramref name="offlineField"/> (the form's own name of the field).
    /// </summary>
    public static AssistedResidentInput? Read(string? email, string? offline, string? name, string offlineField, ModelStateDictionary modelState,
        IStringLocalizer<Text> text)
    {
        Guid? offlineResident = null;
        if (Check.Optional(offline) is { } given)
        {
            if (!Guid.TryParse(given, out var id))
            {
                modelState.AddModelError(offlineField, text["Participation.Assist.OfflineIdMalformed"]);
                return null;
            }
            offlineResident = id;
        }
        return new AssistedResidentInput(email, offlineResident, name);
    }
}
