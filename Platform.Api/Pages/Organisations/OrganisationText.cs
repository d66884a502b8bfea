using Platform.Domain.Organisations;

namespace Platform.Api.Pages.Organisations;

/// <summary>The words the organisation pages show for codes: kinds, groups and statuses, in the visitor's language.</summary>
public static class OrganisationText
{
    public static string Kind(IStringLocalizer text, string kind) => text[$"Organisations.Kind.{kind}"];

    public static string Group(IStringLocalizer text, string group) => text[$"Group.{group}"];

    public static string Status(IStringLocalizer text, OrganisationStatus status) => text[$"Organisations.Status.{status}"];

    /// <summary>The groups, named and joined by commas.</summary>
    public static string Groups(IStringLocalizer text, IEnumerable<string> groups) => string.Join(", ", groups.Select(g => Group(text, g)));
}
