using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Domain.Concerns;

namespace Platform.Projections.Concerns;

/// <summary>Inline projection of a Concern stream into <see cref="ConcernView"/>.</summary>
public partial class ConcernViewProjection : SingleStreamProjection<ConcernView, Guid>
{
    public static ConcernView Create(IEvent<ConcernRaised> e) => new()
    {
        Id = e.Data.ConcernId,
        Title = e.Data.Title,
        Description = e.Data.Description,
        Rights = e.Data.Rights,
        SdgTargets = e.Data.SdgTargets,
        District = e.Data.District,
        Status = ConcernStatus.Open,
        Anonymous = e.Data.Anonymous,
        AuthorId = e.Data.AuthorId,
        RaisedAt = e.Data.RaisedAt,
        UpdatedAt = e.Data.RaisedAt,
        Sequence = e.Sequence,
    };
}
