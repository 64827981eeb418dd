#!/usr/bin/python3
"""Signs one request with botocore's own SigV4 signer (AWS's Python SDK, Debian's python3-boto3) and prints it.

Usage: botocore_sign.py METHOD URL BODY ACCESS_KEY_ID SECRET_ACCESS_KEY
Prints {"method", "target", "headers": [[name, value], ...], "body"}: the request as a server receives it.
Nothing goes on the network.
"""
import json
import sys
from urllib.parse import urlsplit

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

method, url, body, key_id, secret = sys.argv[1:6]
request = AWSRequest(method=method, url=url, data=body.encode() if body else None,
                     headers={"Content-Type": "application/json"} if body else {})
SigV4Auth(Credentials(key_id, secret), "iotwireless", "us-east-1").add_auth(request)
prepared = request.prepare()
parts = urlsplit(prepared.url)
target = parts.path + ("?" + parts.query if parts.query else "")
headers = [[k, v if isinstance(v, str) else v.decode()] for k, v in prepared.headers.items()]
headers.append(["Host", parts.netloc])
print(json.dumps({"method": method, "target": target, "headers": headers, "body": body}))
