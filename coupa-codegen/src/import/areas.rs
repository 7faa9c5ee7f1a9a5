//! Which product area (cargo feature) each record lands in.
//!
//! Every area's feature turns on `core` and nothing else, so a record may only refer to records
//! of its own area or of core. Records shared across areas therefore live once, in core.

use std::collections::{BTreeMap, BTreeSet};

use super::resolve::{FieldKind, Kind, Record};

const CORE: &str = "core";

/// Keeps each resource in the area of the file that serves it (core when one does), puts an
/// embedded type in the one area that uses it or else core, then moves into core whatever a
/// record refers to across areas, until nothing does.
pub(super) fn settle(records: &mut [Record]) {
    let index: BTreeMap<String, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name.clone(), i))
        .collect();
    let targets: Vec<Vec<usize>> = records
        .iter()
        .map(|r| {
            r.fields
                .values()
                .filter_map(|f| target(&f.kind))
                .filter_map(|t| index.get(t).copied())
                .collect()
        })
        .collect();

    let mut users: Vec<BTreeSet<&'static str>> = vec![BTreeSet::new(); records.len()];
    for (from, to_list) in targets.iter().enumerate() {
        for to in to_list {
            users[*to].insert(records[from].area);
        }
    }
    for (i, record) in records.iter_mut().enumerate() {
        if let Kind::Embedded = record.kind {
            record.area = match users[i].iter().collect::<Vec<_>>().as_slice() {
                [only] => only,
                _ => CORE,
            };
        }
    }

    loop {
        let mut moved = false;
        for from in 0..records.len() {
            for &to in &targets[from] {
                let (a, b) = (records[from].area, records[to].area);
                if b != CORE && b != a {
                    records[to].area = CORE;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

fn target(kind: &FieldKind) -> Option<&str> {
    match kind {
        FieldKind::Reference { to, .. } => Some(to),
        FieldKind::Object { of } | FieldKind::List { of, .. } => Some(of),
        FieldKind::Scalar(_) => None,
    }
}
