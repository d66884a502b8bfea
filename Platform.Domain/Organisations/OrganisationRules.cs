namespace Platform.Domain.Organisations;

/// <summary>The limits of what organisations write, shared by the deciders, the pages and docs/organisations.md.</summary>
public static class OrganisationRules
{
    public const string CivilSociety = "civil-society";
    public const string NationalHumanRightsInstitution = "national-human-rights-institution";
    public const string Ombudsperson = "ombudsperson";

    /// <summary>The kinds of organisation, in the order pages offer them.</summary>
    public static readonly IReadOnlyList<string> Kinds = [CivilSociety, NationalHumanRightsInstitution, Ombudsperson];

    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int WebsiteMaxLength = 500;
    /// <summary>The longest reason of a declination, a suspension, a moderator's hiding or restoring.</summary>
    public const int ReasonMaxLength = 2000;
    /// <summary>How many accounts may act for one organisation.</summary>
    public const int MaxMembers = 50;

    public const int ShadowTitleMaxLength = 200;
    /// <summary>The longest section of a shadow report (on indicators, on commitments, on the self-assessment).</summary>
    public const int ShadowSectionMaxLength = 20_000;
    /// <summary>How many indicator codes, and how many commitments, a shadow report may link to.</summary>
    public const int ShadowMaxLinks = 30;
    public const int CorrectionNoteMaxLength = 1000;

    /// <summary>What the name of an erased member reads in the organisation's history.</summary>
    public const string ErasedMemberName = "[erased at the member's request]";
}
