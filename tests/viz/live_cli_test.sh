#!/bin/sh
# live_cli_test.sh DASHBOARD PNG_CHECK RUN_DIR OUT_DIR
# `sidewalk-dashboard --connect 127.0.0.1:PORT --pace 60 --screenshot FILE` against a fake telemetry server
# that serves a real run's records on loopback: the dashboard sends the pace command, follows the run to its
# end and renders it (not blank, the registered area drawn).
set -eu
dash=$1 check=$2 run=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
python3 "$(dirname "$0")/fake_telemetry_server.py" "$run" "$out/port" "$out/commands" &
server=$!
i=0
while [ ! -f "$out/port" ]; do
  i=$((i + 1))
  if [ $i -gt 400 ]; then echo "the fake server did not start"; exit 1; fi
  sleep 0.05
done
"$dash" --connect "127.0.0.1:$(cat "$out/port")" --pace 60 --screenshot "$out/live.png"
wait $server
if ! grep -qx '{"cmd":"pace","sim_seconds_per_second":60.0}' "$out/commands"; then
  echo "the server did not receive the pace command; it received:"
  cat "$out/commands"
  exit 1
fi
"$check" "$out/live.png" 1600 1000 64 '#59a14f:20000'
