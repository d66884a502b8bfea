using Platform.Domain.Organisations;

namespace Platform.Projections.Concerns;

/// <summary>A concern raised on behalf of an organisation and a group (docs/organisations.md).</summary>
public partial class ConcernViewProjection
{
    public static void Apply(IEvent<ConcernRaisedOnBehalf> e, ConcernView view)
    {
        view.OnBehalfOf = e.Data.OrganisationId;
        view.OnBehalfOfGroup = e.Data.Group;
        view.Sequence = e.Sequence;
    }
}
