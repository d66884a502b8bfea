using Platform.Api.EqualParticipation;

namespace Platform.Api.Reports;

/// <summary>
/// Who took part in the report's year (raising, supporting, voting, answering), by each profile dimension, against
/// the city's population shares, with groups under <see cref="Groups.SmallestShown"/> people shown as "fewer than 10"
/// (docs/participation.md). Part of the methodology-and-participation section.
/// </summary>
public sealed record ReportParticipation(int Year, ParticipationBreakdown Breakdown);

/// <summary>The report's participation section: the breakdown bounded to the report's year (UTC).</summary>
public sealed class ReportParticipationReader(ParticipationBreakdownReader breakdown)
{
    public async Task<ReportParticipation> ReadAsync(IQuerySession session, string city, int year, CancellationToken cancellation)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new ReportParticipation(year, await breakdown.ReadAsync(session, city, cancellation, from, from.AddYears(1)));
    }
}
