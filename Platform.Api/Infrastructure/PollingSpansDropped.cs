using OpenTelemetry.Trace;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Samples every trace except those that background polling starts on its own: Marten's high-water detector looks
/// for new events every <c>Platform:Live:PollingMilliseconds</c> (20 ms), and Wolverine checks its node
/// assignments; as traces they would outnumber the requests' and say nothing. The work that follows a poll
/// (a projection's page of events, a message) is traced as usual.
/// </summary>
public sealed class PollingSpansDropped : Sampler
{
    private static readonly HashSet<string> Polling = ["marten.daemon.highwatermark", "wolverine_node_assignments"];

    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);
    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        Polling.Contains(samplingParameters.Name) ? Dropped : Sampled;
}
