#!/usr/bin/env bash
# Runs one fuzz target for a while: ./run.sh TARGET SECONDS
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP lets the stable toolchain take
# the sanitizer flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")"
target="$1"
seconds="${2:-600}"
features=()
case "$target" in
  xml_records) seeds=seeds/xml ;;
  json_records) seeds=seeds/json ;;
  schema_yaml) seeds=seeds/yaml; features=(--no-default-features) ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
mkdir -p "corpus/$target"
RUSTC_BOOTSTRAP=1 exec nice -n 19 cargo fuzz run -O "${features[@]}" "$target" "corpus/$target" "$seeds" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1
