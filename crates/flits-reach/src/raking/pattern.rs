//! A pattern of profile values packed into one number.
//!
//! A row's pattern has one digit per margin: 0 when the row has no value for it (skipped, or
//! suppressed as `*` in the export), `o + 1` for the margin's option `o`. Read as a number in a
//! mixed radix (margin `j` has `options + 1` digits), every pattern is one `u64`, so counting a
//! million rows is a million hash-map updates on a small key and no allocation.

use super::RakeError;

/// Packs and unpacks the patterns of one set of margins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Coder {
    /// Options per margin.
    sizes: Vec<usize>,
    /// The place value of each margin's digit.
    places: Vec<u64>,
}

impl Coder {
    /// A coder for margins with these numbers of options; fails when the patterns do not fit in a
    /// `u64` (far beyond any set of profile questions).
    pub(super) fn new(sizes: Vec<usize>) -> Result<Coder, RakeError> {
        let mut places = Vec::with_capacity(sizes.len());
        let mut place: u64 = 1;
        for &size in &sizes {
            places.push(place);
            place = u64::try_from(size)
                .ok()
                .and_then(|s| s.checked_add(1))
                .and_then(|radix| place.checked_mul(radix))
                .ok_or(RakeError::TooManyPatterns)?;
        }
        Ok(Coder { sizes, places })
    }

    /// The number of margins.
    pub(super) fn margins(&self) -> usize {
        self.sizes.len()
    }

    /// The code of a pattern: one entry per margin, `None` where the row has no value.
    pub(super) fn encode(&self, pattern: &[Option<usize>]) -> Result<u64, RakeError> {
        if pattern.len() != self.sizes.len() {
            return Err(RakeError::PatternLength {
                expected: self.sizes.len(),
                found: pattern.len(),
            });
        }
        let mut code = 0;
        for (margin, ((value, &size), &place)) in pattern
            .iter()
            .zip(&self.sizes)
            .zip(&self.places)
            .enumerate()
        {
            if let Some(option) = *value {
                if option >= size {
                    return Err(RakeError::OptionOutOfRange {
                        margin,
                        option,
                        options: size,
                    });
                }
                // Cannot overflow: `Coder::new` checked the largest code.
                code += (option as u64 + 1) * place;
            }
        }
        Ok(code)
    }

    /// The digits of a code, margin by margin: 0 for no value, `o + 1` for option `o`.
    pub(super) fn digits(&self, code: u64) -> impl Iterator<Item = usize> + '_ {
        self.sizes
            .iter()
            .zip(&self.places)
            .map(move |(&size, &place)| ((code / place) % (size as u64 + 1)) as usize)
    }

    /// The pattern of a code.
    pub(super) fn decode(&self, code: u64) -> Vec<Option<usize>> {
        self.digits(code).map(|d| d.checked_sub(1)).collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn every_pattern_has_its_own_code() {
        let coder = Coder::new(vec![2, 3]).unwrap();
        let mut codes = Vec::new();
        for a in [None, Some(0), Some(1)] {
            for b in [None, Some(0), Some(1), Some(2)] {
                let code = coder.encode(&[a, b]).unwrap();
                assert_eq!(coder.decode(code), vec![a, b]);
                codes.push(code);
            }
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 12);
        assert_eq!(
            coder.encode(&[Some(2), None]),
            Err(RakeError::OptionOutOfRange {
                margin: 0,
                option: 2,
                options: 2
            })
        );
        assert_eq!(
            coder.encode(&[None]),
            Err(RakeError::PatternLength {
                expected: 2,
                found: 1
            })
        );
        assert_eq!(
            Coder::new(vec![usize::MAX, 1]),
            Err(RakeError::TooManyPatterns)
        );
        assert_eq!(
            Coder::new(vec![u32::MAX as usize; 3]),
            Err(RakeError::TooManyPatterns)
        );
    }
}
