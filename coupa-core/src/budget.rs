//! A cap on the memory decoded records take, in proportion to the document they come from.

/// How much memory the records decoded from one document may take.
///
/// Records take memory out of proportion to their text: `{}` is two bytes, an empty `Invoice`
/// four kilobytes. Each reader charges every record it builds against a budget of
/// [`Budget::BASE`] bytes plus [`Budget::PER_BYTE`] bytes per byte of the document, so that a
/// small hostile body cannot exhaust memory, while a real page (about seven bytes of records per
/// byte of JSON) is far inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    left: usize,
    total: usize,
}

impl Budget {
    /// The bytes every document may use, however short.
    pub const BASE: usize = 16 << 20;
    /// The bytes allowed per byte of the document.
    pub const PER_BYTE: usize = 32;

    /// The budget for a document of `len` bytes.
    pub fn for_document(len: usize) -> Self {
        let total = Self::BASE.saturating_add(len.saturating_mul(Self::PER_BYTE));
        Budget { left: total, total }
    }

    /// Takes `bytes` from the budget, or says why not.
    #[inline]
    pub fn charge(&mut self, bytes: usize) -> Result<(), String> {
        match self.left.checked_sub(bytes) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(self.exceeded()),
        }
    }

    #[cold]
    fn exceeded(&self) -> String {
        format!(
            "the decoded records would take more than {} bytes, the limit for this document \
             ({} MiB and {} bytes per byte of text); is it a long list of empty records?",
            self.total,
            Self::BASE >> 20,
            Self::PER_BYTE
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charges_until_the_budget_is_spent() {
        let mut budget = Budget::for_document(10);
        assert_eq!(budget.charge(Budget::BASE), Ok(()));
        assert_eq!(budget.charge(320), Ok(()));
        assert_eq!(
            budget.charge(1),
            Err(String::from(
                "the decoded records would take more than 16777536 bytes, the limit for this \
                 document (16 MiB and 32 bytes per byte of text); is it a long list of empty \
                 records?"
            ))
        );
        assert_eq!(Budget::for_document(usize::MAX).total, usize::MAX);
    }
}
