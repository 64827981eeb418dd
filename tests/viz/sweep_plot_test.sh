#!/bin/sh
# sweep_plot_test.sh CHECK PLOT PNG_CHECK DATA_DIR OUT: one check of sidewalk-sweep-plot (PLOT) on the summaries in
# DATA_DIR, writing under OUT (emptied first). CHECK: figures, categories, deterministic, bad_input, bad_arguments.
set -u
check=$1 plot=$2 png_check=$3 data=$4 out=$5
here=$(dirname "$0")
rm -rf "$out"
mkdir -p "$(dirname "$out")"

fail() { echo "FAILED: $*"; exit 1; }

# PLOT's files in DIR, one line: "a.png b.png".
listing() { ls "$1" | tr '\n' ' ' | sed 's/ $//'; }

case $check in
figures)
  printed=$("$plot" "$data/sweep_summary.csv" --out "$out" 2>&1) || fail "exit $?"
  [ -z "$printed" ] || fail "printed: $printed"
  [ "$(listing "$out")" = "delivery.png handshakes.latency_ms.p95.png" ] || fail "files: $(listing "$out")"
  # Both series' colours (demodulators=1 blue, demodulators=8 orange) on each chart.
  "$png_check" "$out/delivery.png" 900 560 32 '#4e79a7:300' '#f28e2b:300' || fail "delivery.png"
  "$png_check" "$out/handshakes.latency_ms.p95.png" 900 560 32 '#4e79a7:300' '#f28e2b:200' || fail "p95.png"
  ;;
categories)
  "$plot" "$data/sweep_summary_categories.csv" --out "$out" --title "Registered by interval" --size 640x400 ||
    fail "exit $?"
  [ "$(listing "$out")" = "registered.png" ] || fail "files: $(listing "$out")"
  "$png_check" "$out/registered.png" 640 400 32 '#4e79a7:300' || fail "registered.png"
  ;;
deterministic)
  "$plot" "$data/sweep_summary.csv" --out "$out/1" || fail "first run: exit $?"
  "$plot" "$data/sweep_summary.csv" --out "$out/2" || fail "second run: exit $?"
  for f in delivery.png handshakes.latency_ms.p95.png; do
    cmp "$out/1/$f" "$out/2/$f" || fail "$f differs"
  done
  ;;
bad_input)
  sh "$here/expect_error.sh" 2 \
    "sidewalk-sweep-plot: $data/sweep_summary_bad.csv:3: column 'delivery_mean': not a number ('high')" \
    "$plot" "$data/sweep_summary_bad.csv" --out "$out" || exit 1
  sh "$here/expect_error.sh" 2 "sidewalk-sweep-plot: $out.csv: no such file" "$plot" "$out.csv" --out "$out" ||
    exit 1
  [ ! -e "$out" ] || fail "$out written"
  ;;
bad_arguments)
  sh "$here/expect_error.sh" 2 "sidewalk-sweep-plot: --size: '900' is not WxH (300x200 to 8000x8000)" \
    "$plot" "$data/sweep_summary.csv" --out "$out" --size 900 || exit 1
  sh "$here/expect_error.sh" 2 "sidewalk-sweep-plot: --out is required" "$plot" "$data/sweep_summary.csv" || exit 1
  [ ! -e "$out" ] || fail "$out written"
  ;;
*)
  fail "unknown check $check"
  ;;
esac
