using Marten.Events.Aggregation;
using Platform.Domain.Concerns;

namespace Platform.Projections.Concerns;

/// <summary>Keeps the write-side <see cref="Concern"/> state (Platform.Domain) as an inline snapshot.</summary>
public partial class ConcernStateProjection : SingleStreamProjection<Concern, Guid>
{
    public static Concern Create(ConcernRaised e) => Concern.Create(e);
}
