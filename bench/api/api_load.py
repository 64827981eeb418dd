#!/usr/bin/python3
"""Open-loop load on the twin's IoT Wireless API (bench/api/run): REQUESTS_PER_S signed reads for SECONDS over
CONNECTIONS keep-alive connections, each request sent at its scheduled instant and its latency measured from that
instant (so a slow answer also delays the count, no coordinated omission). The reads: GetWirelessDevice (40 %),
GetWirelessDeviceStatistics (30 %), ListWirelessDevices pages of 100 (20 %), ListQueuedMessages (10 %) of random
devices. Requests are signed with botocore's SigV4 ahead of time (a signature stays valid for 5 minutes).

Usage: api_load.py URL KEY_ID SECRET REQUESTS_PER_S SECONDS [CONNECTIONS]
Prints one JSON line: sent, answered, errors (by status), p50/p90/p99/max latency in ms, achieved rate."""
import asyncio
import json
import random
import sys
import time
import urllib.request
from urllib.parse import urlsplit

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

url, key_id, secret = sys.argv[1:4]
rate, seconds = float(sys.argv[4]), float(sys.argv[5])
connections = int(sys.argv[6]) if len(sys.argv) > 6 else 16
creds = Credentials(key_id, secret)
host = urlsplit(url).netloc


def sign(method, path):
    r = AWSRequest(method=method, url=url + path)
    SigV4Auth(creds, "iotwireless", "us-east-1").add_auth(r)
    p = r.prepare()
    head = "%s %s HTTP/1.1\r\nHost: %s\r\n" % (method, path, host)
    for k, v in p.headers.items():
        head += "%s: %s\r\n" % (k, v if isinstance(v, str) else v.decode())
    return (head + "Content-Length: 0\r\n\r\n").encode()


def device_ids():
    ids, token = [], None
    while True:
        path = "/wireless-devices?maxResults=250" + ("&nextToken=" + token if token else "")
        p = AWSRequest(method="GET", url=url + path)
        SigV4Auth(creds, "iotwireless", "us-east-1").add_auth(p)
        req = urllib.request.Request(url + path, headers=dict(p.prepare().headers.items()))
        page = json.load(urllib.request.urlopen(req, timeout=30))
        ids += [d["Id"] for d in page["WirelessDeviceList"]]
        token = page.get("NextToken")
        if not token:
            return ids


def requests(ids, n):
    rng = random.Random(1)
    out = []
    for _ in range(n):
        x = rng.random()
        d = rng.choice(ids)
        if x < 0.4:
            out.append(sign("GET", "/wireless-devices/%s?identifierType=WirelessDeviceId" % d))
        elif x < 0.7:
            out.append(sign("GET", "/wireless-devices/%s/statistics" % d))
        elif x < 0.9:
            token = "%016x" % rng.randrange(0, max(1, len(ids) - 100))
            out.append(sign("GET", "/wireless-devices?maxResults=100&nextToken=" + token))
        else:
            out.append(sign("GET", "/wireless-devices/%s/data" % d))
    return out


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return status


async def main():
    ids = device_ids()
    total = int(rate * seconds)
    pool = requests(ids, min(total, 4000))
    queue = asyncio.Queue()
    latencies, statuses = [], {}
    start = time.monotonic() + 0.5

    async def worker():
        host_name, port = host.split(":")
        reader, writer = await asyncio.open_connection(host_name, int(port))
        while True:
            item = await queue.get()
            if item is None:
                break
            due, raw = item
            writer.write(raw)
            await writer.drain()
            status = await read_response(reader)
            latencies.append((time.monotonic() - due) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    workers = [asyncio.create_task(worker()) for _ in range(connections)]
    for i in range(total):
        due = start + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        queue.put_nowait((due, pool[i % len(pool)]))
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    elapsed = time.monotonic() - start
    latencies.sort()

    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 2)
    print(json.dumps({"devices": len(ids), "sent": total, "answered": len(latencies), "statuses": statuses,
                      "p50_ms": pct(50), "p90_ms": pct(90), "p99_ms": pct(99), "max_ms": round(latencies[-1], 2),
                      "rate_per_s": round(len(latencies) / elapsed, 1)}))

asyncio.run(main())
