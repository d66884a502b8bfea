namespace Platform.Domain.Open311;

/// <summary>The rules of Open311 client apps and their keys: <c>Decide(command, state, now)</c>.</summary>
public static class Open311ClientDecider
{
    /// <summary>A new client: its app must be named; a client of that id issued already is a conflict.</summary>
    public static Decision Decide(IssueOpen311Key command, Open311Client? client, DateTimeOffset now)
    {
        if (client is not null) return Decision.Refuse(DomainError.Conflict("open311-client-exists", "A client of that id exists already."));
        if (Check.RequiredError(command.App, "app", Open311Rules.AppMaxLength) is { } invalid) return Decision.Refuse(invalid);
        if (string.IsNullOrEmpty(command.KeyHash)) throw new ArgumentException("The handler hashes the key before deciding.", nameof(command));
        return Decision.Accept(new Open311KeyIssued(command.ClientId, command.App!.Trim(), command.KeyHash, command.OfficialId, now));
    }

    /// <summary>Revoking a revoked key changes nothing (a repeat is harmless); an unknown client is not found.</summary>
    public static Decision Decide(RevokeOpen311Key command, Open311Client? client, DateTimeOffset now)
    {
        if (client is null) return Decision.Refuse(DomainError.NotFound("client"));
        if (!client.Active) return Decision.NoChange;
        return Decision.Accept(new Open311KeyRevoked(client.Id, command.OfficialId, now));
    }
}
