#!/bin/sh
# live_twin_test.sh SIDEWALK_TWIN DASHBOARD PNG_CHECK SCENARIO OUT_DIR
# The dashboard follows a real run end to end: `sidewalk-twin run SCENARIO --serve 0 --serve-wait` and
# `sidewalk-dashboard --connect 127.0.0.1:PORT --pace 3600 --screenshot FILE`; both exit 0, the run directory is
# complete, and the screenshot shows the run.
set -eu
twin=$1 dash=$2 check=$3 scenario=$4 out=$5
rm -rf "$out"
mkdir -p "$out"
"$twin" run "$scenario" --out "$out/run" --serve 0 --serve-wait --quiet 2>"$out/twin.err" &
pid=$!
i=0
port=
while [ -z "$port" ]; do
  port=$(sed -n 's/^serving telemetry on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$out/twin.err")
  i=$((i + 1))
  if [ $i -gt 400 ]; then echo "sidewalk-twin did not start serving:"; cat "$out/twin.err"; kill $pid; exit 1; fi
  [ -n "$port" ] || sleep 0.05
done
"$dash" --connect "127.0.0.1:$port" --pace 3600 --screenshot "$out/live.png"
wait $pid
test -s "$out/run/summary.json"
"$check" "$out/live.png" 1600 1000 64 '#59a14f:40000' '#e15759:1500'
