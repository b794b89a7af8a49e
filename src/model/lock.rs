//! One tab edits at a time: a lease in storage that the editing tab renews. Other tabs follow its
//! changes read-only until the user moves editing to them. Pure: times are passed in.

use serde::{Deserialize, Serialize};

/// How long a lease lasts without renewal, in milliseconds. Renewed about three times as often.
pub const LEASE_MS: f64 = 6000.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lease {
    pub tab: String,
    /// Milliseconds since the epoch.
    pub until: f64,
}

impl Lease {
    pub fn new(tab: &str, now: f64) -> Lease {
        Lease { tab: tab.to_string(), until: now + LEASE_MS }
    }
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a lease serialises")
    }
    /// An unreadable lease counts as none: it only guards against two editors, it holds no work.
    pub fn decode(raw: Option<&str>) -> Option<Lease> {
        raw.and_then(|r| serde_json::from_str(r).ok())
    }
}

/// Whether tab `me` may edit, given the lease storage holds.
pub fn may_edit(lease: Option<&Lease>, me: &str, now: f64) -> bool {
    lease.is_none_or(|l| l.tab == me || l.until < now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_lease_of_another_tab_keeps_this_one_read_only() {
        let other = Lease::new("a", 1000.0);
        assert!(!may_edit(Some(&other), "b", 2000.0));
        assert!(may_edit(Some(&other), "a", 2000.0));
        assert!(may_edit(Some(&other), "b", 1000.0 + LEASE_MS + 1.0), "an expired lease is free");
        assert!(may_edit(None, "b", 0.0));
        assert_eq!(Lease::decode(Some(&other.encode())), Some(other));
        assert_eq!(Lease::decode(Some("{garbage")), None);
    }
}
