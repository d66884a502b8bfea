using Polly;
using Polly.Retry;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Polly's retry for work that is safe to repeat when PostgreSQL could not be reached or went away
/// (<see cref="DatabaseUnavailable.Is"/>): five more tries, 0.2 s apart at first and doubling, with jitter, up to
/// about five seconds in all, which covers a PostgreSQL restart. Only for work whose repeat cannot count twice: a read,
/// or a write the store's keys refuse a second time.
/// </summary>
public static class DatabaseRetry
{
    public static ResiliencePipeline Pipeline(ILogger logger, string what) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && DatabaseUnavailable.Is(e)),
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            OnRetry = args =>
            {
                logger.LogWarning("{What}: the database is unavailable; try {Attempt} in {Delay} ms", what, args.AttemptNumber + 2,
                    (int)args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        })
        .Build();
}
