"""What the live tests share: a mosquitto broker on a free loopback port, the twin run as a subprocess with its API
line read from stderr, a paho subscriber that keeps every message, and SigV4-signed requests made by hand.
Every process started here is stopped here, with bounded waits."""
import ctypes
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

import paho.mqtt.client as paho
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

KEY_ID = "AKIDLIVETEST"
SECRET = "live-test-secret"


# A sanitized build runs several times slower: scripts/test-sanitizers sets LIVE_SLOWDOWN (e.g. 4), which divides
# every --pace the tests ask for and multiplies every wait (wait_until, Twin.wait), so that a run still outlasts the
# calls a test makes during it.
SLOWDOWN = float(os.environ.get("LIVE_SLOWDOWN", "1"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout, what):
    timeout *= SLOWDOWN
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out after %.0f s waiting for %s" % (timeout, what))


def make_tls_files(folder):
    """A CA, a server certificate for 127.0.0.1 and a client certificate, made with the openssl command (P-256):
    {"ca", "server_cert", "server_key", "client_cert", "client_key"} -> paths."""
    def openssl(*args):
        subprocess.run(["openssl"] + list(args), check=True, capture_output=True, timeout=60)
    p = {k: os.path.join(folder, k + ".pem") for k in ("ca", "ca_key", "server_cert", "server_key", "client_cert",
                                                        "client_key")}
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
            "-subj", "/CN=live-test CA", "-keyout", p["ca_key"], "-out", p["ca"])
    for who, cn in (("server", "127.0.0.1"), ("client", "sidewalk-twin")):
        csr = os.path.join(folder, who + ".csr")
        ext = os.path.join(folder, who + ".ext")
        with open(ext, "w") as f:
            f.write("subjectAltName=IP:127.0.0.1\n" if who == "server" else "extendedKeyUsage=clientAuth\n")
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=" + cn,
                "-keyout", p[who + "_key"], "-out", csr)
        openssl("x509", "-req", "-in", csr, "-CA", p["ca"], "-CAkey", p["ca_key"], "-CAcreateserial", "-days", "2",
                "-extfile", ext, "-out", p[who + "_cert"])
    return p


def _die_with_the_test():
    """In a child before exec: SIGKILL when the test process ends, however it ends (a crash, a kill)."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


class Broker:
    """mosquitto (Debian's) on 127.0.0.1:port, no persistence; stop() is bounded (SIGTERM, 5 s, SIGKILL). With
    `tls` (make_tls_files): TLS only, and clients must show a certificate of the same CA."""

    def __init__(self, port=None, tls=None):
        self.port = port or free_port()
        self.dir = tempfile.TemporaryDirectory()
        self.conf = os.path.join(self.dir.name, "mosquitto.conf")
        with open(self.conf, "w") as f:
            f.write("listener %d 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n" % self.port)
            if tls:
                f.write("cafile %s\ncertfile %s\nkeyfile %s\nrequire_certificate true\n" %
                        (tls["ca"], tls["server_cert"], tls["server_key"]))
            if os.geteuid() == 0:
                f.write("user root\n")  # else it switches to its own user, whom a container's root may not signal
        self.proc = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen(["mosquitto", "-c", self.conf], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=_die_with_the_test)

        def accepting():
            if self.proc.poll() is not None:
                raise AssertionError("mosquitto exited with %s" % self.proc.returncode)
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return True
            except OSError:
                return False
        wait_until(accepting, 10, "mosquitto to listen on port %d" % self.port)

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def close(self):
        self.stop()
        self.dir.cleanup()


class Subscriber:
    """A paho client that keeps (topic, payload) of everything on its topics, in arrival order, and subscribes
    again whenever it reconnects."""

    def __init__(self, port, topics, tls=None):
        self.messages = []
        self.lock = threading.Lock()
        self.topics = topics
        self.subscribed = threading.Event()
        self.client = paho.Client(client_id="live-test-%d" % os.getpid())
        self.client.on_connect = self._on_connect
        self.client.on_subscribe = lambda *a: self.subscribed.set()
        self.client.on_message = self._on_message
        self.client.reconnect_delay_set(0.1, 1)
        if tls:
            self.client.tls_set(ca_certs=tls["ca"], certfile=tls["client_cert"], keyfile=tls["client_key"])
        self.client.connect("127.0.0.1", port)
        self.client.loop_start()
        wait_until(self.subscribed.is_set, 10, "the subscription")

    def _on_connect(self, client, userdata, flags, rc):
        client.subscribe([(t, 1) for t in self.topics])

    def _on_message(self, client, userdata, msg):
        with self.lock:
            self.messages.append((msg.topic, msg.payload.decode()))

    def received(self, prefix=""):
        with self.lock:
            return [(t, p) for t, p in self.messages if t.startswith(prefix)]

    def close(self):
        self.client.loop_stop()
        self.client.disconnect()


class Twin:
    """`sidewalk-twin run` with the given options; api_url is read from its stderr line `api: http://...`."""

    def __init__(self, binary, scenario, out, args):
        self.out = out
        self.stderr = tempfile.TemporaryFile(mode="w+")
        args = list(args)
        for i, arg in enumerate(args[:-1]):
            if arg == "--pace":
                args[i + 1] = "%g" % (float(args[i + 1]) / SLOWDOWN)
        self.proc = subprocess.Popen([binary, "run", scenario, "--out", out, "-q"] + args,
                                     stdout=subprocess.DEVNULL, stderr=self.stderr, preexec_fn=_die_with_the_test)
        self.api_url = None
        if "--api" in args:
            def api_line():
                if self.proc.poll() is not None:
                    raise AssertionError("the twin exited with %s: %s" % (self.proc.returncode, self.err()))
                for line in self.err().splitlines():
                    if line.startswith("api: "):
                        return line[5:].strip()
                return None
            self.api_url = wait_until(api_line, 60, "the twin's api line")

    def err(self):
        if self.stderr.closed:
            return ""
        self.stderr.seek(0)
        return self.stderr.read()

    def wait(self, timeout):
        try:
            return self.proc.wait(timeout * SLOWDOWN)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError("the twin did not finish within %d s" % timeout)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.stderr.close()


def signed(url, method, path, body=None, key_id=KEY_ID, secret=SECRET):
    """A request signed with botocore's SigV4 signer, sent with urllib: (status, headers, parsed body)."""
    data = json.dumps(body).encode() if body is not None else None
    request = AWSRequest(method=method, url=url + path, data=data,
                         headers={"Content-Type": "application/json"} if data else {})
    SigV4Auth(Credentials(key_id, secret), "iotwireless", "us-east-1").add_auth(request)
    prepared = request.prepare()
    r = urllib.request.Request(prepared.url, data=data, method=method, headers=dict(prepared.headers.items()))
    try:
        with urllib.request.urlopen(r, timeout=10) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), json.loads(e.read() or b"{}")


def read_lines(path):
    with open(path) as f:
        return [line.rstrip("\n") for line in f]
