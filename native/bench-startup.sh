#!/usr/bin/env bash
# Measures the command line's start-up: median wall time of N runs of each command, run as
# `java -jar target/ov2onnx.jar` and through the launcher target/ov2onnx (AppCDS archive).
#
#   native/bench-startup.sh [RUNS]        (after mvn -B -q package -DskipTests)
#
# Runs are interleaved (plain, launcher, plain, ...) so that load on the machine hits both alike.
set -euo pipefail
runs=${1:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$here/target/ov2onnx.jar
launcher=$here/target/ov2onnx
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -f "$jar" ] && [ -x "$launcher" ] || { echo "error: build first: mvn -B -q package -DskipTests" >&2; exit 2; }

# One warm-up of each, so that the native cache is extracted and the files are in the page cache.
java -jar "$jar" --version >/dev/null
"$launcher" --version >/dev/null

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1e9}'; }

commands=("--version" "devices" "convert $here/samples/sample-cnn.xml -o $out/x.onnx")
printf '%-28s %12s %12s %7s\n' "command ($runs runs, median)" "java -jar" "launcher" "ratio"
for c in "${commands[@]}"; do
  read -r -a args <<<"$c"
  : >"$out/plain"; : >"$out/cds"
  for _ in $(seq "$runs"); do
    t0=$(now); java -jar "$jar" "${args[@]}" >/dev/null; t1=$(now)
    echo $((t1 - t0)) >>"$out/plain"
    t0=$(now); "$launcher" "${args[@]}" >/dev/null; t1=$(now)
    echo $((t1 - t0)) >>"$out/cds"
  done
  p=$(median <"$out/plain"); l=$(median <"$out/cds")
  printf '%-28s %11ss %11ss %7.2f\n' "${args[0]}" "$p" "$l" "$(echo "$l / $p" | bc -l)"
done
