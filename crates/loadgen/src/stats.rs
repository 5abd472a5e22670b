//! Latency percentiles over recorded samples (microseconds).

pub struct Latencies(Vec<u64>);

impl Latencies {
    pub fn new(mut samples: Vec<u64>) -> Latencies {
        samples.sort_unstable();
        Latencies(samples)
    }

    /// The `p`-th percentile (0–100) in milliseconds, nearest rank; 0 without samples.
    pub fn ms(&self, p: f64) -> f64 {
        if self.0.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * self.0.len() as f64).ceil() as usize;
        self.0[rank.clamp(1, self.0.len()) - 1] as f64 / 1000.0
    }

    pub fn summary(&self) -> String {
        format!(
            "p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            self.ms(50.0),
            self.ms(95.0),
            self.ms(99.0),
            self.ms(100.0)
        )
    }
}
