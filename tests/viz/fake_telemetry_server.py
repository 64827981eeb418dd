#!/usr/bin/env python3
"""A stand-in telemetry server for the dashboard's --connect tests (loopback only).

fake_telemetry_server.py RUN_DIR PORT_FILE COMMANDS_FILE

Serves the records of a run directory as docs/telemetry.md describes them (hello with the timeline taken from
the timeline notices, then states, counters, handshakes and events merged in simulated-time order, then end) to
one client on 127.0.0.1, writes the commands the client sent into COMMANDS_FILE, and exits.
"""
import csv, json, os, socket, sys, threading, time

run_dir, port_file, commands_file = sys.argv[1:4]
summary = json.load(open(os.path.join(run_dir, "summary.json")))
events = [json.loads(l) for l in open(os.path.join(run_dir, "events.jsonl")) if l.strip()]
records = []  # (time, order, record)
with open(os.path.join(run_dir, "states.csv")) as f:
    for row in csv.DictReader(f):
        r = {"type": "states", "t": float(row.pop("time_s"))}
        r.update({k: int(v) for k, v in row.items()})
        records.append((r["t"], 0, r))
counters_path = os.path.join(run_dir, "counters.jsonl")
if os.path.exists(counters_path):
    for line in open(counters_path):
        if line.strip():
            r = dict(type="counters", **json.loads(line))
            records.append((r["t"], 1, r))
with open(os.path.join(run_dir, "handshakes.csv")) as f:
    for row in csv.DictReader(f):
        r = {"type": "handshake", "smsn": row["smsn"], "device_type": row["device_type"], "link": row["link"],
             "start_s": float(row["start_s"]), "end_s": float(row["end_s"]),
             "latency_ms": float(row["latency_ms"]), "outcome": row["outcome"], "reason": row["reason"]}
        records.append((r["end_s"], 2, r))
for e in events:
    records.append((e["t"], 3, dict(type="event", **e)))
records.sort(key=lambda x: (x[0], x[1]))
timeline = [{"t": e["t"], "action": e["kind"], "detail": e["detail"]}
            for e in events if e["event"] == "notice" and e["actor"] == "timeline"]
hello = {"type": "hello", "version": 1, "scenario": summary["scenario"], "seed": summary["seed"],
         "duration_s": summary["duration_s"], "sample_interval_s": 60, "devices": summary["devices"],
         "device_types": list(summary.get("final_states_by_type", {})), "timeline": timeline}

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
with open(port_file + ".tmp", "w") as f:
    f.write(str(srv.getsockname()[1]))
os.rename(port_file + ".tmp", port_file)
srv.settimeout(60)
conn, _ = srv.accept()
commands = []

def read_commands():
    buf = b""
    while True:
        try:
            data = conn.recv(4096)
        except OSError:
            return
        if not data:
            return
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            commands.append(line.decode())

reader = threading.Thread(target=read_commands, daemon=True)
reader.start()
out = conn.makefile("w")
out.write(json.dumps(hello) + "\n")
half = len(records) // 2
for _, _, r in records[:half]:
    out.write(json.dumps(r) + "\n")
out.flush()
time.sleep(0.5)  # the client's --pace command arrives meanwhile
out.write(json.dumps({"type": "control", "paused": False, "sim_seconds_per_second": 60, "t": records[half][0]}) + "\n")
for _, _, r in records[half:]:
    out.write(json.dumps(r) + "\n")
out.write(json.dumps({"type": "end", "t": summary["duration_s"], "summary": summary}) + "\n")
out.flush()
time.sleep(0.2)
conn.shutdown(socket.SHUT_WR)
reader.join(timeout=10)
conn.close()
with open(commands_file, "w") as f:
    f.write("\n".join(commands) + "\n")
