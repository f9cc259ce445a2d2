//! Timing by the calling thread's CPU time, so that other processes on a busy machine do not
//! count. Used by the linear-time tests and the throughput bench (through `#[path]`); kept out
//! of `support/mod.rs`, which the fuzz targets also include, because it needs `libc`.

use std::time::{Duration, Instant};

/// How long `run` takes: the thread's CPU time where the system reports it, wall-clock time
/// otherwise.
pub fn time<T>(run: impl FnOnce() -> T) -> (Duration, T) {
    let wall = Instant::now();
    let cpu = thread_cpu_time();
    let result = std::hint::black_box(run());
    let elapsed = match (cpu, thread_cpu_time()) {
        (Some(before), Some(after)) => after.saturating_sub(before),
        _ => wall.elapsed(),
    };
    (elapsed, result)
}

/// CPU time the calling thread has used, to the nanosecond (`CLOCK_THREAD_CPUTIME_ID`);
/// `None` off Linux. (Linux's `/proc/thread-self/schedstat` is not a substitute: it lags by up
/// to a scheduler tick, so a call of a millisecond mostly reads as taking no time.)
#[cfg(target_os = "linux")]
fn thread_cpu_time() -> Option<Duration> {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable `timespec` for the duration of the call.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    let seconds = u64::try_from(now.tv_sec).ok()?;
    let nanos = u32::try_from(now.tv_nsec).ok()?;
    (status == 0).then(|| Duration::new(seconds, nanos))
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_time() -> Option<Duration> {
    None
}
