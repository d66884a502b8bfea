namespace Platform.Domain.TownHalls;

/// <summary>The rules of town halls and their polls, as pure functions of command, state and time.</summary>
public static class TownHallDecider
{
    /// <summary>Schedules a town hall on a new stream (a stream that exists already is refused as a conflict).</summary>
    public static Decision Decide(ScheduleTownHall command, TownHall? townHall, DateTimeOffset now)
    {
        if (townHall is not null) return Decision.Refuse(DomainError.Conflict("town-hall-exists", "This town hall is scheduled already."));
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Title)) errors.Add(DomainError.Invalid("title", "A title is required."));
        else Check.Required(command.Title, "title", TownHallRules.TitleMaxLength, errors);
        Check.MaxLength(command.Description, "description", TownHallRules.DescriptionMaxLength, errors);
        if (command.StartsAt is not { } startsAt)
            errors.Add(DomainError.Invalid("startsAt", "Say when the town hall starts."));
        else if (startsAt < now - TownHallRules.StartsAtTolerance)
            errors.Add(DomainError.Invalid("startsAt", "A town hall cannot be scheduled in the past."));
        var location = Check.Optional(command.Location);
        if (location is { Length: > TownHallRules.LocationMaxLength })
            errors.Add(DomainError.Invalid("location", $"The place may have at most {TownHallRules.LocationMaxLength} characters."));
        var district = Check.Optional(command.District);
        Check.MaxLength(district, "district", TownHallRules.DistrictMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new TownHallScheduled(command.TownHallId, command.Title!.Trim(), command.StartsAt!.Value, location, command.OfficialId, now,
            command.Description?.Trim() ?? "", district));
    }

    /// <summary>Opens a scheduled town hall; officials may open it before the announced start (doors open early).</summary>
    public static Decision Decide(OpenTownHall command, TownHall? townHall, DateTimeOffset now)
    {
        if (townHall is null) return Decision.Refuse(DomainError.NotFound("town-hall"));
        return townHall.Status switch
        {
            TownHallStatus.Scheduled => Decision.Accept(new TownHallOpened(townHall.Id, command.OfficialId, now)),
            TownHallStatus.Open => Decision.Refuse(DomainError.Conflict("town-hall-already-open", "The town hall is open already.")),
            _ => Decision.Refuse(TownHallIsClosed),
        };
    }

    /// <summary>Opens a poll in an open town hall; only one poll is open at a time.</summary>
    public static Decision Decide(OpenPoll command, TownHall? townHall, DateTimeOffset now)
    {
        if (townHall is null) return Decision.Refuse(DomainError.NotFound("town-hall"));
        if (townHall.Status == TownHallStatus.Closed) return Decision.Refuse(TownHallIsClosed);
        if (townHall.Status != TownHallStatus.Open)
            return Decision.Refuse(DomainError.Conflict("town-hall-not-open", "Open the town hall before opening polls."));
        if (townHall.CurrentPoll is not null)
            return Decision.Refuse(DomainError.Conflict("poll-already-open", "Another poll is open; close it before opening the next."));
        if (townHall.PollCount >= TownHallRules.MaxPolls)
            return Decision.Refuse(DomainError.Rule("too-many-polls", $"A town hall holds at most {TownHallRules.MaxPolls} polls."));

        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Question)) errors.Add(DomainError.Invalid("question", "A question is required."));
        else Check.Required(command.Question, "question", TownHallRules.QuestionMaxLength, errors);

        var options = command.Options ?? [];
        string[] cleaned = [];
        if (options.Any(string.IsNullOrWhiteSpace))
            errors.Add(DomainError.Invalid("options", "Options cannot be empty."));
        else if (options.Any(o => o!.Trim().Length > TownHallRules.OptionMaxLength))
            errors.Add(DomainError.Invalid("options", $"An option may have at most {TownHallRules.OptionMaxLength} characters."));
        else
        {
            cleaned = options.Select(o => o!.Trim()).ToArray();
            if (cleaned.Length < TownHallRules.MinOptions)
                errors.Add(DomainError.Invalid("options", $"A poll needs at least {TownHallRules.MinOptions} options."));
            else if (cleaned.Length > TownHallRules.MaxOptions)
                errors.Add(DomainError.Invalid("options", $"A poll may offer at most {TownHallRules.MaxOptions} options."));
            else if (cleaned.Distinct(StringComparer.Ordinal).Count() != cleaned.Length)
                errors.Add(DomainError.Invalid("options", "Options must differ from each other."));
        }
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new TownHallPollOpened(townHall.Id, command.PollId, command.Question!.Trim(), cleaned, command.OfficialId, now));
    }

    public static Decision Decide(ClosePoll command, TownHall? townHall, DateTimeOffset now)
    {
        if (townHall is null) return Decision.Refuse(DomainError.NotFound("town-hall"));
        if (townHall.CurrentPoll?.Id == command.PollId)
            return Decision.Accept(new TownHallPollClosed(townHall.Id, command.PollId, command.OfficialId, now));
        if (townHall.ClosedPollIds.Contains(command.PollId))
            return Decision.Refuse(PollClosed);
        return Decision.Refuse(DomainError.NotFound("poll"));
    }

    /// <summary>Closes an open town hall; a poll still open is closed with it (both events, in that order).</summary>
    public static Decision Decide(CloseTownHall command, TownHall? townHall, DateTimeOffset now)
    {
        if (townHall is null) return Decision.Refuse(DomainError.NotFound("town-hall"));
        if (townHall.Status == TownHallStatus.Closed) return Decision.Refuse(TownHallIsClosed);
        if (townHall.Status != TownHallStatus.Open)
            return Decision.Refuse(DomainError.Conflict("town-hall-not-open", "Only an open town hall can be closed."));

        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Minutes)) errors.Add(DomainError.Invalid("minutes", "The minutes of the town hall are required."));
        else Check.Required(command.Minutes, "minutes", TownHallRules.MinutesMaxLength, errors);
        var commitments = command.CommitmentIds ?? [];
        if (commitments.Count > TownHallRules.MaxCommitments)
            errors.Add(DomainError.Invalid("commitmentIds", $"Name at most {TownHallRules.MaxCommitments} commitments."));
        else
            for (var i = 0; i < commitments.Count; i++)
                if (commitments[i] == Guid.Empty)
                    errors.Add(DomainError.Invalid($"commitmentIds[{i}]", "A commitment id cannot be empty."));
        if (errors.Count > 0) return Decision.Refuse(errors);

        var closed = new TownHallClosed(townHall.Id, command.Minutes!.Trim(), commitments.ToArray(), command.OfficialId, now);
        return townHall.CurrentPoll is { } open
            ? Decision.Accept(new TownHallPollClosed(townHall.Id, open.Id, command.OfficialId, now), closed)
            : Decision.Accept(closed);
    }

    /// <summary>
    /// A resident's vote. One per resident per poll: a second is a 409 <c>already-voted</c> (votes are not
    /// changed once cast, as on a show of hands). Only the open poll of an open town hall takes votes.
    /// </summary>
    public static Decision Decide(CastVote command, Participation<TownHall, ResidentVote>? state, DateTimeOffset now)
    {
        if (Residency.Refusal(command.VerifiedResidencyRequired, command.VerifiedResident) is { } refused) return refused;
        if (EmailVerification.Refusal(command.VerifiedEmailRequired, command.VerifiedEmail) is { } unverified) return unverified;
        if (state?.Item is not { } townHall) return Decision.Refuse(DomainError.NotFound("town-hall"));
        var poll = townHall.CurrentPoll?.Id == command.PollId ? townHall.CurrentPoll : null;
        if (poll is null)
            return townHall.ClosedPollIds.Contains(command.PollId)
                ? Decision.Refuse(PollClosed)
                : Decision.Refuse(DomainError.NotFound("poll"));
        if (townHall.Status != TownHallStatus.Open) return Decision.Refuse(PollClosed);
        if (state.Mine is not null)
            return Decision.Refuse(AlreadyVoted);
        if (command.Option is not { } option)
            return Decision.Refuse(DomainError.Invalid("option", "Say which option you vote for (its index, from 0)."));
        if (option < 0 || option >= poll.Options.Length)
            return Decision.Refuse(DomainError.Invalid("option", $"The poll offers options 0 to {poll.Options.Length - 1}."));

        return Decision.Accept(new TownHallVoteCast(townHall.Id, command.PollId, command.ResidentId, option, now));
    }

    public static readonly DomainError AlreadyVoted = DomainError.Conflict("already-voted", "You have voted in this poll already; a vote cannot be changed.");
    public static readonly DomainError PollClosed = DomainError.Conflict("poll-closed", "The poll is closed; it takes no more votes.");
    private static readonly DomainError TownHallIsClosed = DomainError.Conflict("town-hall-closed", "The town hall is closed.");
}
