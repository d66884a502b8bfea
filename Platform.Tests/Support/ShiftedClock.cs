namespace Platform.Tests.Support;

/// <summary>
/// The platform's clock in tests: the system clock moved by <see cref="Offset"/> (zero unless a test moves
/// it). Tests of deadlines move it close to a due date instead of waiting for one; they put it back after.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
