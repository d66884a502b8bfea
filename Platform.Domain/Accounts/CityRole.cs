namespace Platform.Domain.Accounts;

/// <summary>What a person may do in one city. Roles are held per city; one account can hold several.</summary>
public enum CityRole
{
    /// <summary>Lives in (or belongs to) the city: raises and supports concerns, answers consultations.</summary>
    Resident,
    /// <summary>A resident whose residency an official has checked (required for supports and votes where the city says so).</summary>
    VerifiedResident,
    /// <summary>Works for the council: answers concerns, runs consultations, publishes commitments.</summary>
    Official,
    /// <summary>Hides and restores content that breaks the city's rules.</summary>
    Moderator,
    /// <summary>
    /// The city's independent body (an ombudsperson, or the liaison of a national human rights institution): sees the
    /// concerns escalated to it and records its findings. No council role: it answers to no official.
    /// </summary>
    IndependentBody,
    /// <summary>Acts for a verified organisation of the city (a civil-society organisation, the national human rights institution or the ombudsperson): raises concerns on behalf of a group, assists residents met offline, proposes indicators, publishes shadow reports.</summary>
    Organisation,
}
