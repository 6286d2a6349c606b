"""The disk holding the embedded database fills up: writes are refused with a
clear 507, nothing is half-written, and refgraph resumes when space is freed.

The data directory sits on a small tmpfs mounted for the test (root, as CI
runs; elsewhere the test says why it cannot run)."""

import os
import subprocess

import pytest

from faults.conftest import Service


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); run as root")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_refuses_writes_clearly_and_recovers(small_disk):
    os.environ.pop("REFGRAPH_GRAPH_URL", None)
    service = Service(small_disk)
    try:
        status, _, body = service.call("POST", "/v1/users", {
            "id": "m1", "name": "Shop", "root": True, "roles": ["merchant"]})
        assert status == 201, body
        sale = {"id": "s0", "merchant_id": "m1", "amount": 1_000, "currency": "CNY"}
        assert service.call("POST", "/v1/sales", sale)[0] == 201
        filler = small_disk / "filler"
        with open(filler, "wb") as handle:   # fill the disk to the last byte
            try:
                while True:
                    handle.write(b"\0" * (1 << 20))
                    handle.flush()
            except OSError:
                pass
        refused = []
        for i in range(1, 4):
            status, headers, answer = service.call(
                "POST", "/v1/sales", {**sale, "id": f"s{i}"}, timeout=30)
            refused.append((status, answer["code"]))
            assert status == 507, answer
            assert "full" in answer["message"] and "Free space" in answer["message"]
            assert int(headers["Retry-After"]) >= 1
        filler.unlink()
        for i in range(1, 4):   # the storefront retries the same sales
            status, answer = service.call_retrying("POST", "/v1/sales", {**sale, "id": f"s{i}"})
            assert status == 201, answer
        assert sorted(service.all_sales("m1")) == ["s0", "s1", "s2", "s3"]
        status, _, check = service.call("GET", "/v1/ledger/check")
        assert check["clean"], check
    finally:
        service.stop()
