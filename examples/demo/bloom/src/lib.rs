//! Probabilistic set membership.

/// A Bloom filter: no false negatives, a tunable false-positive rate.
/// B. H. Bloom, "Space/time trade-offs in hash coding with allowable errors",
/// Communications of the ACM 13(7), 1970. DOI: 10.1145/362686.362692
pub struct Bloom {
    bits: Vec<u64>,
    hashes: u32,
}

impl Bloom {
    /// Optimal number of hash functions for `m` bits and `n` items, k = (m/n) ln 2.
    pub fn optimal_hashes(m: usize, n: usize) -> u32 {
        ((m as f64 / n as f64) * std::f64::consts::LN_2).round() as u32
    }
}
