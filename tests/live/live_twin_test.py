#!/usr/bin/python3
"""A developer's backend against the twin, with the real clients: boto3 (Debian's python3-boto3) drives the IoT
Wireless API of `run --api` with real SigV4, and paho (python3-paho-mqtt) subscribes on a real mosquitto broker
that `run --mqtt` publishes to. Then the run is replayed from its stimuli.jsonl and must give the same files.

Environment: TWIN_BINARY (the sidewalk-twin executable), LIVE_SCENARIO (tests/live/live.yaml)."""
import base64
import datetime
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import unittest.mock

import boto3
import botocore.auth
import botocore.config
import botocore.exceptions

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from twin_harness import (KEY_ID, SECRET, Broker, Subscriber, Twin, make_tls_files, read_lines, signed,  # noqa: E402
                          wait_until)

BINARY = os.environ.get("TWIN_BINARY", "sidewalk-twin")
SCENARIO = os.environ.get("LIVE_SCENARIO", os.path.join(os.path.dirname(os.path.abspath(__file__)), "live.yaml"))
DESTINATION_TOPIC = "test/sidewalk/uplinks"  # live.yaml's cloud.destination.topic
EVENT_TOPICS = "$aws/iotwireless/events/+/+/sidewalk/wireless_devices"
DEVICES = 6
SOAK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scenarios", "soak.yaml")


def client(url, key_id=KEY_ID, secret=SECRET):
    return boto3.client("iotwireless", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key_id,
                        aws_secret_access_key=secret)


def run_files(out):
    return sorted(f for f in os.listdir(out) if not f.startswith("."))


def summary_without_host_side(path):
    with open(path) as f:
        s = json.load(f)
    for key in ("wall_s", "pace", "api", "mqtt"):
        s.pop(key, None)
    return s


class LiveTwinTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.credentials = os.path.join(self.tmp.name, "credentials.json")
        with open(self.credentials, "w") as f:
            json.dump({"aws_access_key_id": KEY_ID, "aws_secret_access_key": SECRET}, f)
        self.cleanups = []

    def tearDown(self):
        for fn in reversed(self.cleanups):
            fn()
        self.tmp.cleanup()

    def start_broker(self):
        broker = Broker()
        self.addCleanup(broker.close)
        return broker

    def start_subscriber(self, port):
        sub = Subscriber(port, [DESTINATION_TOPIC, EVENT_TOPICS])
        self.addCleanup(sub.close)
        return sub

    def start_twin(self, out, args):
        twin = Twin(BINARY, SCENARIO, out, args)
        self.addCleanup(twin.kill)
        return twin

    def test_a_backend_lists_sends_deregisters_and_hears_it_all_on_mqtt_then_the_run_replays(self):
        broker = self.start_broker()
        sub = self.start_subscriber(broker.port)
        out = os.path.join(self.tmp.name, "live")
        twin = self.start_twin(out, ["--api", "0", "--api-credentials", self.credentials,
                                     "--mqtt", "127.0.0.1:%d" % broker.port, "--pace", "2"])
        api = client(twin.api_url)

        # The fleet as AWS lists it, page by page, until every device is registered (Sidewalk.Status, which
        # Debian's botocore model predates: read from the raw response of a signed request).
        def all_registered():
            devices, token = [], None
            while True:
                page = api.list_wireless_devices(MaxResults=4, **({"NextToken": token} if token else {}))
                devices += page["WirelessDeviceList"]
                token = page.get("NextToken")
                if not token:
                    break
            status, _, raw = signed(twin.api_url, "GET", "/wireless-devices?maxResults=250")
            self.assertEqual(status, 200)
            states = [d["Sidewalk"]["Status"] for d in raw["WirelessDeviceList"]]
            ok = len(devices) == DEVICES and all(s in ("REGISTERED", "ACTIVATED") for s in states)
            return devices if ok else None
        devices = wait_until(all_registered, 25, "every device REGISTERED")
        self.assertEqual([d["Id"] for d in devices], [d["Id"] for d in devices if d["Type"] == "Sidewalk"])
        first, second = devices[0], devices[1]
        # The aws CLI (Debian's awscli) against the twin, as the README shows it.
        env = dict(os.environ, AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION="us-east-1",
                   AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
        cli = subprocess.run(["/usr/bin/aws", "iotwireless", "list-wireless-devices", "--endpoint-url", twin.api_url,
                              "--max-results", "2", "--output", "json"], capture_output=True, text=True, env=env,
                             timeout=120)
        self.assertEqual(cli.returncode, 0, cli.stderr)
        self.assertEqual([d["Id"] for d in json.loads(cli.stdout)["WirelessDeviceList"]], [first["Id"], second["Id"]])
        got = api.get_wireless_device(Identifier=first["Sidewalk"]["SidewalkManufacturingSn"],
                                      IdentifierType="SidewalkManufacturingSn")
        self.assertEqual(got["Id"], first["Id"])
        self.assertEqual(got["DestinationName"], "TestDestination")
        with self.assertRaises(api.exceptions.ResourceNotFoundException):
            api.get_wireless_device(Identifier="no-such-device", IdentifierType="WirelessDeviceId")
        with self.assertRaises(api.exceptions.ValidationException):
            api.list_wireless_devices(NextToken="not-a-token")

        # Refused: a wrong secret, an unknown key id, a request dated an hour ago: 403 with AWS's type; nothing changes.
        queued_before = api.list_queued_messages(Id=first["Id"])["DownlinkQueueMessagesList"]
        for key_id, secret, expected in ((KEY_ID, "wrong", "InvalidSignatureException"),
                                         ("AKIDUNKNOWN", SECRET, "UnrecognizedClientException")):
            with self.assertRaises(botocore.exceptions.ClientError) as refused:
                client(twin.api_url, key_id, secret).send_data_to_wireless_device(
                    Id=first["Id"], TransmitMode=0, PayloadData="AQID")
            self.assertEqual(refused.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)
            self.assertEqual(refused.exception.response["Error"]["Code"], expected)

        class HourAgo(datetime.datetime):
            @classmethod
            def utcnow(cls):
                return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(hours=1)
        with unittest.mock.patch.object(botocore.auth.datetime, "datetime", HourAgo):
            with self.assertRaises(botocore.exceptions.ClientError) as stale:
                api.send_data_to_wireless_device(Id=first["Id"], TransmitMode=0, PayloadData="AQID")
        self.assertEqual(stale.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)
        self.assertEqual(stale.exception.response["Error"]["Code"], "InvalidSignatureException")
        self.assertEqual(api.list_queued_messages(Id=first["Id"])["DownlinkQueueMessagesList"], queued_before)

        # A downlink in acknowledged mode: 202 with a MessageId, then its delivery status event with the same Seq.
        sent = api.send_data_to_wireless_device(
            Id=first["Id"], TransmitMode=1, PayloadData=base64.b64encode(b"open valve").decode(),
            WirelessMetadata={"Sidewalk": {"Seq": 77, "MessageType": "CUSTOM_COMMAND_ID_SET",
                                           "AckModeRetryDurationSecs": 20}})
        self.assertEqual(sent["ResponseMetadata"]["HTTPStatusCode"], 202)

        def delivery(message_id, kind):
            for topic, payload in sub.received("$aws/iotwireless/events/message_delivery_status/" + kind):
                event = json.loads(payload)
                if event["MessageId"] == message_id:
                    return event
            return None
        event = wait_until(lambda: delivery(sent["MessageId"], "success"), 20, "the downlink's success event")
        self.assertEqual(event["Sidewalk"]["Seq"], 77)
        self.assertEqual(event["WirelessDeviceId"], first["Id"])

        # De-registered by the developer (DeregisterWirelessDevice: Debian's boto3 predates it, so signed by hand).
        status, headers, body = signed(twin.api_url, "PATCH",
                                       "/wireless-devices/%s/deregister?WirelessDeviceType=Sidewalk" % second["Id"])
        self.assertEqual(status, 200, body)

        def deregistered_event():
            for topic, payload in sub.received(
                    "$aws/iotwireless/events/device_registration_state/provisioned/"):
                e = json.loads(payload)
                if e["WirelessDeviceId"] == second["Id"] and e["operation"] == "deregister":
                    return e
            return None
        wait_until(deregistered_event, 20, "the de-registration event")
        stats = api.get_wireless_device_statistics(WirelessDeviceId=second["Id"])
        self.assertEqual(stats["Sidewalk"]["DeviceState"], "Provisioned")
        status, _, body = signed(twin.api_url, "PATCH",
                                 "/wireless-devices/%s/deregister?WirelessDeviceType=Sidewalk" % second["Id"])
        self.assertEqual(status, 409, body)
        # Its keys are gone: a downlink to it cannot be sealed for it and ends in an error when its time is up.
        lost = api.send_data_to_wireless_device(
            Id=second["Id"], TransmitMode=1, PayloadData="AQID",
            WirelessMetadata={"Sidewalk": {"Seq": 78, "AckModeRetryDurationSecs": 3}})
        event = wait_until(lambda: delivery(lost["MessageId"], "error"), 20, "the error event of the lost downlink")
        self.assertEqual(event["Sidewalk"]["Seq"], 78)

        # CreateWirelessDevice (Debian's boto3 predates its Sidewalk member: signed by hand): the factory makes it,
        # it is provisioned and registers like the others; the same ClientRequestToken answers the same device.
        profile = api.list_device_profiles()["DeviceProfileList"][0]["Id"]
        create = {"Type": "Sidewalk", "DestinationName": "TestDestination", "Name": "made-on-request",
                  "ClientRequestToken": "token-1", "Sidewalk": {"DeviceProfileId": profile}}
        status, _, made = signed(twin.api_url, "POST", "/wireless-devices", create)
        self.assertEqual(status, 201, made)
        status, _, again = signed(twin.api_url, "POST", "/wireless-devices", create)
        self.assertEqual((status, again), (201, made))
        status, _, body = signed(twin.api_url, "POST", "/wireless-devices", dict(create, ClientRequestToken="token-2"))
        self.assertEqual(status, 409, body)  # the scenario's reserve of one is used up
        status, _, body = signed(twin.api_url, "POST", "/wireless-devices", dict(create, DestinationName="Elsewhere", ClientRequestToken="token-3"))
        self.assertEqual(status, 404, body)

        def registered(device_id):
            for topic, payload in sub.received("$aws/iotwireless/events/device_registration_state/registered/"):
                if json.loads(payload)["WirelessDeviceId"] == device_id:
                    return True
            return False
        wait_until(lambda: registered(made["Id"]), 20, "the created device's registration event")
        self.assertEqual(api.get_wireless_device(Identifier=made["Id"], IdentifierType="WirelessDeviceId")["Arn"],
                         made["Arn"])

        self.assertEqual(twin.wait(120), 0, twin.err())
        # What the broker carried is what the run wrote, in order, and the summary counts it.
        self.assertEqual([p for _, p in sub.received(DESTINATION_TOPIC)], read_lines(os.path.join(out, "destination.jsonl")))
        self.assertEqual([p for _, p in sub.received("$aws/")], read_lines(os.path.join(out, "aws-events.jsonl")))
        with open(os.path.join(out, "summary.json")) as f:
            summary = json.load(f)
        self.assertEqual(summary["mqtt"]["delivered"], len(sub.received()))
        self.assertEqual(summary["mqtt"]["dropped"], 0)
        self.assertEqual(summary["api"]["refused_authentication"], 3)
        self.assertEqual(summary["api"]["stimuli"], 4)
        stimuli = [json.loads(line) for line in read_lines(os.path.join(out, "stimuli.jsonl"))]
        self.assertEqual([s["operation"] for s in stimuli],
                         ["SendDataToWirelessDevice", "DeregisterWirelessDevice", "SendDataToWirelessDevice",
                          "CreateWirelessDevice"])

        # Nobody calling: the recorded stimuli give the same run, byte for byte.
        replay = os.path.join(self.tmp.name, "replay")
        again = Twin(BINARY, SCENARIO, replay, ["--replay-stimuli", os.path.join(out, "stimuli.jsonl"),
                                                "--aws-records"])
        self.addCleanup(again.kill)
        self.assertEqual(again.wait(120), 0, again.err())
        self.assertEqual(run_files(out), run_files(replay))
        for name in run_files(out):
            if name == "summary.json":
                self.assertEqual(summary_without_host_side(os.path.join(out, name)),
                                 summary_without_host_side(os.path.join(replay, name)))
                continue
            with open(os.path.join(out, name), "rb") as a, open(os.path.join(replay, name), "rb") as b:
                self.assertTrue(a.read() == b.read(), name + " differs in the replay")

    def test_the_broker_restarts_mid_run_the_twin_reconnects_and_accounts_for_every_publication(self):
        broker = self.start_broker()
        sub = self.start_subscriber(broker.port)
        out = os.path.join(self.tmp.name, "restart")
        twin = self.start_twin(out, ["--mqtt", "127.0.0.1:%d" % broker.port, "--pace", "4"])
        wait_until(lambda: len(sub.received(DESTINATION_TOPIC)) >= 3, 20, "uplinks on the destination topic")
        broker.stop()
        time.sleep(2)
        before = len(sub.received())
        broker.start()
        wait_until(lambda: len(sub.received()) > before, 20, "publications after the broker came back")
        self.assertEqual(twin.wait(60), 0, twin.err())
        with open(os.path.join(out, "summary.json")) as f:
            mqtt = json.load(f)["mqtt"]
        self.assertGreaterEqual(mqtt["connects"], 2)
        self.assertEqual(mqtt["publications"], mqtt["delivered"] + mqtt["dropped"])
        self.assertEqual(mqtt["publications"],
                         len(read_lines(os.path.join(out, "destination.jsonl"))) +
                         len(read_lines(os.path.join(out, "aws-events.jsonl"))))
        written = set(read_lines(os.path.join(out, "destination.jsonl")))
        for _, payload in sub.received(DESTINATION_TOPIC):
            self.assertIn(payload, written)

    def test_the_soak_with_the_api_and_mqtt_on_balances_its_books_through_a_broker_restart(self):
        # scenarios/soak.yaml (twelve simulated hours of outages, churn, revocations and attacks) at 1500 simulated
        # seconds per second, with downlinks sent through the API and the broker restarted mid-run: --check fails
        # on an unbalanced ledger, and the ledger follows every downlink and every publication.
        broker = self.start_broker()
        out = os.path.join(self.tmp.name, "soak")
        twin = Twin(BINARY, SOAK, out, ["--api", "0", "--api-credentials", self.credentials,
                                        "--mqtt", "127.0.0.1:%d" % broker.port, "--pace", "1500", "--check"])
        self.addCleanup(twin.kill)
        api = client(twin.api_url)

        def registered():
            status, _, raw = signed(twin.api_url, "GET", "/wireless-devices?maxResults=250")
            ids = [d["Id"] for d in raw.get("WirelessDeviceList", [])
                   if d["Sidewalk"]["Status"] in ("REGISTERED", "ACTIVATED")]
            return ids if len(ids) >= 20 else None
        ids = wait_until(registered, 30, "twenty registered devices")
        for i, device in enumerate(ids[:20]):
            api.send_data_to_wireless_device(
                Id=device, TransmitMode=i % 2, PayloadData=base64.b64encode(bytes([i])).decode(),
                WirelessMetadata={"Sidewalk": {"Seq": i, "MessageType": "CUSTOM_COMMAND_ID_NOTIFY"}})
        broker.stop()
        time.sleep(1)
        broker.start()
        self.assertEqual(twin.wait(180), 0, twin.err())
        with open(os.path.join(out, "summary.json")) as f:
            summary = json.load(f)
        ledger = summary["ledger"]
        self.assertTrue(ledger["balanced"], ledger["imbalances"])
        self.assertEqual(ledger["downlinks"]["accepted"], 20)
        self.assertEqual(ledger["downlinks"]["accepted"], ledger["downlinks"]["delivered"] +
                         ledger["downlinks"]["failed"] + ledger["downlinks"]["queued"])
        self.assertGreater(ledger["attacker_frames"]["injected"], 0)
        self.assertGreaterEqual(summary["mqtt"]["connects"], 2)
        self.assertEqual(summary["mqtt"]["lines_written"],
                         len(read_lines(os.path.join(out, "destination.jsonl"))) +
                         len(read_lines(os.path.join(out, "aws-events.jsonl"))))

    def test_abusive_clients_hit_the_limits_and_the_paced_run_never_waits_for_them(self):
        # Small limits on both servers; clients that hold every API connection without finishing a request, flood
        # it past its rate, and a telemetry client that never reads: the run keeps its pace and ends on time.
        out = os.path.join(self.tmp.name, "abuse")
        twin = self.start_twin(out, ["--api", "0", "--api-credentials", self.credentials, "--serve", "0",
                                     "--pace", "3", "--limit", "api.connections=6", "--limit", "api.read_timeout=2s",
                                     "--limit", "api.rate=10", "--limit", "api.burst=10",
                                     "--limit", "telemetry.clients=2", "--limit", "telemetry.queue_bytes=64KiB"])
        port = int(wait_until(lambda: re.search(r"serving telemetry on 127.0.0.1:(\d+)", twin.err()), 30,
                              "the telemetry line").group(1))
        api_port = int(twin.api_url.rsplit(":", 1)[1])
        sockets = []

        def connect(p):
            s = socket.create_connection(("127.0.0.1", p), timeout=10)
            sockets.append(s)
            return s
        self.addCleanup(lambda: [s.close() for s in sockets])
        # A telemetry client that never reads, one that does, and a third the server closes at once.
        connect(port).setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        reader = connect(port).makefile("r")
        self.assertIn('"type":"hello"', reader.readline())
        third = connect(port)
        self.assertEqual(third.recv(1), b"")
        # Slow writers on every API connection: a request that never ends.
        slow = [connect(api_port) for _ in range(6)]
        for s in slow:
            s.sendall(b"GET /wireless-devices HTTP/1.1\r\nHost: x\r\n")
        time.sleep(0.5)
        refused = connect(api_port)
        self.assertEqual(refused.recv(1), b"")  # over api.connections: closed as it arrives
        for s in slow:  # cut at api.read_timeout
            s.settimeout(10)
            self.assertEqual(s.recv(1), b"")
        # A flood past the rate: boto3 without retries sees AWS's ThrottlingException.
        flood = boto3.client("iotwireless", endpoint_url=twin.api_url, region_name="us-east-1",
                             aws_access_key_id=KEY_ID, aws_secret_access_key=SECRET,
                             config=botocore.config.Config(retries={"total_max_attempts": 1}))
        codes = []
        for _ in range(40):
            try:
                flood.list_wireless_devices(MaxResults=1)
                codes.append("ok")
            except botocore.exceptions.ClientError as e:
                codes.append(e.response["Error"]["Code"])
        self.assertIn("ThrottlingException", codes)
        self.assertIn("ok", codes)
        self.assertEqual(set(codes), {"ok", "ThrottlingException"})
        self.assertEqual(twin.wait(60), 0, twin.err())
        with open(os.path.join(out, "summary.json")) as f:
            summary = json.load(f)
        api = summary["api"]
        self.assertGreaterEqual(api["connections_refused"], 1)
        self.assertGreaterEqual(api["timed_out"], 6)
        self.assertEqual(api["throttled"], codes.count("ThrottlingException"))
        self.assertLess(summary["pace"]["max_behind_s"], 2.0)  # the simulation never waited for a client
        self.assertTrue(summary["ledger"]["balanced"])

    def test_a_broker_that_needs_tls_and_a_client_certificate(self):
        tls = make_tls_files(self.tmp.name)
        broker = Broker(tls=tls)
        self.addCleanup(broker.close)
        sub = Subscriber(broker.port, [DESTINATION_TOPIC, EVENT_TOPICS], tls=tls)
        self.addCleanup(sub.close)
        out = os.path.join(self.tmp.name, "tls")
        twin = self.start_twin(out, ["--mqtt", "127.0.0.1:%d" % broker.port, "--mqtt-ca", tls["ca"],
                                     "--mqtt-cert", tls["client_cert"], "--mqtt-key", tls["client_key"],
                                     "--pace", "8"])
        self.assertEqual(twin.wait(60), 0, twin.err())
        wait_until(lambda: len(sub.received()) >= 1, 10, "messages over TLS")
        destination = read_lines(os.path.join(out, "destination.jsonl"))
        self.assertGreater(len(destination), 10)
        self.assertEqual([p for _, p in sub.received(DESTINATION_TOPIC)], destination)
        with open(os.path.join(out, "summary.json")) as f:
            mqtt = json.load(f)["mqtt"]
        self.assertEqual(mqtt["dropped"], 0)
        self.assertEqual(mqtt["delivered"], len(sub.received()))

    def test_the_telemetry_pauses_and_paces_a_run_whose_api_keeps_answering(self):
        out = os.path.join(self.tmp.name, "paused")
        twin = self.start_twin(out, ["--api", "0", "--api-credentials", self.credentials, "--serve", "0",
                                     "--pace", "2"])
        port = int(wait_until(lambda: re.search(r"serving telemetry on 127.0.0.1:(\d+)", twin.err()), 30,
                              "the telemetry line").group(1))
        telemetry = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.addCleanup(telemetry.close)
        lines = telemetry.makefile("r")

        def control(paused):
            for _ in range(100000):
                record = json.loads(lines.readline())
                if record.get("type") == "control" and record["paused"] == paused:
                    return record
            raise AssertionError("no control record")
        api = client(twin.api_url)
        device = wait_until(lambda: api.list_wireless_devices()["WirelessDeviceList"], 20, "a device")[0]["Id"]
        telemetry.sendall(b'{"cmd": "pause"}\n')
        held = control(True)
        # Paused: the API still answers, and a downlink takes effect at the frozen instant.
        sent = api.send_data_to_wireless_device(Id=device, TransmitMode=0, PayloadData="AQID")
        self.assertEqual(sent["ResponseMetadata"]["HTTPStatusCode"], 202)
        time.sleep(1)
        self.assertEqual(api.get_wireless_device_statistics(WirelessDeviceId=device)["WirelessDeviceId"], device)
        telemetry.sendall(b'{"cmd": "resume"}\n')
        telemetry.sendall(b'{"cmd": "pace", "sim_seconds_per_second": 120}\n')
        resumed = time.monotonic()
        self.assertEqual(twin.wait(60), 0, twin.err())
        self.assertLess(time.monotonic() - resumed, 20)  # at the scenario's pace 2 the rest would take ~25 s
        stimulus = json.loads(read_lines(os.path.join(out, "stimuli.jsonl"))[0])
        self.assertEqual(stimulus["t_ns"], round(held["t"] * 1e9))

    def test_bad_options_and_files_are_refused_before_anything_is_written(self):
        out = os.path.join(self.tmp.name, "never")
        bad_credentials = os.path.join(self.tmp.name, "bad.json")
        with open(bad_credentials, "w") as f:
            f.write('{"aws_access_key_id": "AKID"}')
        bad_replay = os.path.join(self.tmp.name, "stimuli.jsonl")
        with open(bad_replay, "w") as f:
            f.write('{"activation": 1, "t_ns": 5, "operation": "SendDataToWirelessDevice", "device": 99}\n')
        cases = [
            (["--api", "0"], "--api needs --api-credentials"),
            (["--api", "0", "--api-credentials", bad_credentials], "bad.json: missing field 'aws_secret_access_key'"),
            (["--mqtt", "localhost"], "expected HOST:PORT"),
            (["--mqtt", "127.0.0.1:1883", "--pace", "-1"], "--pace must be a positive"),
            (["--replay-stimuli", bad_replay], "stimuli.jsonl:1: device: no device 99"),
        ]
        for args, expected in cases:
            r = subprocess.run([BINARY, "run", SCENARIO, "--out", out, "-q"] + args, capture_output=True, text=True,
                               timeout=60)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(expected, r.stderr, args)
            self.assertFalse(os.path.exists(out), args)


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore", ResourceWarning)  # boto3's pooled connections, closed at exit
    warnings.simplefilter("ignore", DeprecationWarning)  # paho 1.6's tls_set on Python 3.11
    unittest.main(verbosity=2)
