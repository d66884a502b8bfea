using Platform.Domain.Proposals;

namespace Platform.Api.Proposals;

/// <summary>A resident submits a proposal in their city.</summary>
public static class SubmitProposalEndpoint
{
    /// <summary>Starts a Proposal stream in the city's tenant, with the city's support threshold of today (<see cref="ProposalHandler"/>); answers 201 with the new id.</summary>
    [WolverinePost("/api/cities/{city}/proposals", OperationId = "submitProposal")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(SubmitProposalRequest request, string city, ClaimsPrincipal user, IDocumentSession session,
        ProposalHandler handler, CancellationToken cancellation)
    {
        var command = new SubmitProposal(Guid.CreateVersion7(), user.AccountId(), request.Title, request.Description, request.Rights, request.SdgTargets,
            request.District);
        var written = await handler.Handle(command, session, cancellation);
        return written.IsRefused ? written.Problem : Results.Created($"/api/cities/{city}/proposals/{command.ProposalId}", new SubmittedProposal(command.ProposalId));
    }
}

/// <summary>The id of a proposal just submitted.</summary>
public sealed record SubmittedProposal(Guid Id);
