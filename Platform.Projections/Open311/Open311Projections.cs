using Platform.Domain.Open311;

namespace Platform.Projections.Open311;

/// <summary>Keeps each client app's <see cref="Open311Client"/> (its app, key hash, revocation) as an inline snapshot: the state the decider and the key check read.</summary>
public partial class Open311ClientProjection : SingleStreamProjection<Open311Client, Guid>
{
    public static Open311Client Create(Open311KeyIssued e) => Open311Client.Create(e);
    public static Open311Client Apply(Open311KeyRevoked e, Open311Client state) => state.Apply(e);
}

/// <summary>Keeps each Open311 request's <see cref="Open311Request"/> (its concern, client and location) as an inline snapshot.</summary>
public partial class Open311RequestProjection : SingleStreamProjection<Open311Request, Guid>
{
    public static Open311Request Create(Open311RequestReceived e) => Open311Request.Create(e);
}
