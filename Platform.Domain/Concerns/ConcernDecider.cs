using Platform.Domain.Reference;

namespace Platform.Domain.Concerns;

/// <summary>The rules of rights concerns, as pure functions of command, state and time.</summary>
public static class ConcernDecider
{
    public static Decision Decide(RaiseConcern command, Guid concernId, Guid authorId, DateTimeOffset now, ReferenceCatalogue catalogue)
    {
        var errors = Validate(command, catalogue);
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new ConcernRaised(
            concernId,
            command.Title!.Trim(),
            command.Description?.Trim() ?? "",
            command.Rights!.Distinct(StringComparer.Ordinal).ToArray(),
            (command.SdgTargets ?? []).Distinct(StringComparer.Ordinal).ToArray(),
            string.IsNullOrWhiteSpace(command.District) ? null : command.District.Trim(),
            authorId,
            command.Anonymous,
            now));
    }

    /// <summary>
    /// Support a concern. <c>state.Mine</c> is the resident's existing support stream state, if any.
    /// Supporting twice is not an error: it changes nothing (see README, "One resident, one voice").
    /// </summary>
    public static Decision Decide(SupportConcern command, Participation<Concern, ResidentSupport>? state, DateTimeOffset now)
    {
        if (Residency.Refusal(command.VerifiedResidencyRequired, command.VerifiedResident) is { } refused) return refused;
        if (state?.Item is not { } concern) return Decision.Refuse(DomainError.NotFound("concern"));
        if (!concern.AcceptsSupport)
            return Decision.Refuse(DomainError.Rule("concern-not-supportable", $"A concern that is {concern.Status.ToString().ToLowerInvariant()} cannot receive supports."));
        if (state.Mine is { Active: true }) return Decision.NoChange;
        return Decision.Accept(new ConcernSupported(command.ConcernId, command.ResidentId, now));
    }

    public static Decision Decide(WithdrawConcernSupport command, Participation<Concern, ResidentSupport>? state, DateTimeOffset now)
    {
        if (state?.Item is null) return Decision.Refuse(DomainError.NotFound("concern"));
        if (state.Mine is not { Active: true }) return Decision.NoChange;
        return Decision.Accept(new ConcernSupportWithdrawn(command.ConcernId, command.ResidentId, now));
    }

    public static IReadOnlyList<DomainError> Validate(RaiseConcern command, ReferenceCatalogue catalogue)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Title))
            errors.Add(DomainError.Invalid("title", "A title is required."));
        else if (command.Title.Trim().Length > ConcernRules.TitleMaxLength)
            errors.Add(DomainError.Invalid("title", $"The title may have at most {ConcernRules.TitleMaxLength} characters."));

        if (command.Description is { Length: > ConcernRules.DescriptionMaxLength })
            errors.Add(DomainError.Invalid("description", $"The description may have at most {ConcernRules.DescriptionMaxLength} characters."));

        if (command.District is { Length: > ConcernRules.DistrictMaxLength })
            errors.Add(DomainError.Invalid("district", $"The district may have at most {ConcernRules.DistrictMaxLength} characters."));

        if (command.Rights is null || command.Rights.Count == 0)
            errors.Add(DomainError.Invalid("rights", "Name at least one right at stake (a code from the rights catalogue)."));
        else if (command.Rights.Count > ConcernRules.MaxTags)
            errors.Add(DomainError.Invalid("rights", $"Name at most {ConcernRules.MaxTags} rights."));
        else
            for (var i = 0; i < command.Rights.Count; i++)
                if (command.Rights[i] is not { } code || !catalogue.IsRight(code))
                    errors.Add(DomainError.Invalid($"rights[{i}]", $"'{command.Rights[i]}' is not a right of the catalogue."));

        if (command.SdgTargets is { } targets)
        {
            if (targets.Count > ConcernRules.MaxTags)
                errors.Add(DomainError.Invalid("sdgTargets", $"Name at most {ConcernRules.MaxTags} SDG targets."));
            else
                for (var i = 0; i < targets.Count; i++)
                    if (targets[i] is not { } code || !catalogue.IsSdgTarget(code))
                        errors.Add(DomainError.Invalid($"sdgTargets[{i}]", $"'{targets[i]}' is not a known SDG target (such as 11.2 or 16.7)."));
        }
        return errors;
    }
}
