//! When to try a call again, and how long to wait first.
//!
//! GET and PUT are retried on 429, 503 and other 5xx answers, waiting an exponentially growing,
//! jittered delay, or what `Retry-After` asks. A POST is retried only when its connection could
//! not even be made: once its body may have reached Coupa, trying again could create twice.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::request::Method;

/// How many times, and how patiently, a failed call is tried again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first try; 0 turns retrying off.
    pub max_retries: u32,
    /// The delay before the first retry, before jitter; it doubles with each retry.
    pub base_delay: Duration,
    /// The longest wait. A `Retry-After` longer than this is not waited for: the error is
    /// returned with it, for the caller to decide.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// No retries.
    pub fn never() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// The wait before retry number `retry` (0 for the first), given a random number for the
    /// jitter and Coupa's `Retry-After`; `None` when the call should not be retried.
    pub fn delay(
        &self,
        retry: u32,
        retry_after: Option<Duration>,
        random: u64,
    ) -> Option<Duration> {
        if retry >= self.max_retries {
            return None;
        }
        let ceiling = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(retry.min(30)))
            .min(self.max_delay);
        // Equal jitter: half the ceiling, plus a random part of the other half.
        let half = ceiling / 2;
        let spread = u64::try_from((ceiling - half).as_nanos()).unwrap_or(u64::MAX);
        let jittered = half + Duration::from_nanos(random.checked_rem(spread + 1).unwrap_or(0));
        match retry_after {
            Some(wait) if wait > self.max_delay => None,
            Some(wait) => Some(wait.max(jittered)),
            None => Some(jittered),
        }
    }
}

/// Whether an answer with this status is worth another try.
pub(crate) fn retryable_status(status: u16) -> bool {
    status == 429 || ((500..=599).contains(&status) && status != 501)
}

/// Whether a call with this method may be sent again after it may have reached the server.
pub(crate) fn idempotent(method: Method) -> bool {
    matches!(method, Method::Get | Method::Put)
}

/// Reads `Retry-After`: seconds, or an HTTP date.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let when = u64::try_from(when.timestamp()).ok()?;
    let now = now.duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(when.saturating_sub(now)))
}

/// A random number for jitter: splitmix64 over the clock and a counter. Not for secrets.
pub(crate) fn jitter() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0x9E37_79B9_7F4A_7C15);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos().into());
    let mut z = COUNTER.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed) ^ nanos;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
        }
    }

    #[test]
    fn delays_double_within_their_jitter_band() {
        let policy = policy();
        for (retry, ceiling) in [(0, 100), (1, 200), (2, 400)] {
            let low = policy.delay(retry, None, 0);
            let high = policy.delay(retry, None, u64::MAX - 1);
            assert_eq!(low, Some(Duration::from_millis(ceiling / 2)));
            assert!(high <= Some(Duration::from_millis(ceiling)));
            assert!(high >= low);
        }
    }

    #[test]
    fn delays_stop_at_the_ceiling_and_after_the_last_retry() {
        let policy = RetryPolicy {
            max_retries: 10,
            ..policy()
        };
        assert_eq!(policy.delay(9, None, 0), Some(Duration::from_millis(500)));
        assert_eq!(policy.delay(10, None, 0), None);
        assert_eq!(RetryPolicy::never().delay(0, None, 0), None);
    }

    #[test]
    fn retry_after_is_honoured_unless_longer_than_the_longest_wait() {
        let policy = policy();
        let asked = Some(Duration::from_millis(700));
        assert_eq!(policy.delay(0, asked, 0), Some(Duration::from_millis(700)));
        assert_eq!(policy.delay(0, Some(Duration::from_secs(5)), 0), None);
        assert_eq!(
            policy.delay(2, Some(Duration::ZERO), 0),
            Some(Duration::from_millis(200))
        );
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = UNIX_EPOCH + Duration::from_secs(1_445_412_470);
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn which_statuses_and_methods_are_retried() {
        assert!(retryable_status(429));
        assert!(retryable_status(503));
        assert!(retryable_status(500));
        assert!(!retryable_status(501));
        assert!(!retryable_status(400));
        assert!(!retryable_status(404));
        assert!(idempotent(Method::Get));
        assert!(idempotent(Method::Put));
        assert!(!idempotent(Method::Post));
    }
}
