"""The embedded FalkorDB server: lifecycle, durability, sharing, failures."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
import redis

import graph
from graph import embedded
from graph.embedded import EmbeddedServer
from graph.errors import EmbeddedServerError


def open_embedded(data_dir, **extra):
    return graph.open_backend({"GRAPH_URL": "embedded", "DATA_DIR": str(data_dir), **extra})


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead for our purposes
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def wait_dead(pid, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False


def beat(backend, key, by="test"):
    return backend.write_one("heartbeat_write", id=key, at=1, by=by)


def read_beat(backend, key):
    row = backend.read_one("heartbeat_get", id=key)
    return row and row["heartbeat"]


def test_data_dir_is_private_and_holds_a_password(tmp_path):
    backend = open_embedded(tmp_path / "var")
    try:
        var = tmp_path / "var"
        assert oct(var.stat().st_mode & 0o777) == "0o700"
        assert oct((var / "password").stat().st_mode & 0o777) == "0o600"
        assert (var / "falkordb.sock").is_socket()
        # no TCP port: the config says port 0
        assert "port 0" in (var / "redis.conf").read_text().splitlines()
    finally:
        backend.close()


def test_stop_leaves_no_server_and_restart_keeps_data(tmp_path):
    backend = open_embedded(tmp_path)
    beat(backend, "kept", by="first run")
    pid = backend.server.pid()
    backend.close()
    assert wait_dead(pid), "redis-server outlived close()"
    assert not (tmp_path / "falkordb.sock").exists()

    backend = open_embedded(tmp_path)
    try:
        assert read_beat(backend, "kept") == {"id": "kept", "at": 1, "by": "first run"}
    finally:
        backend.close()


def test_kill_9_of_the_database_loses_no_acknowledged_write(tmp_path):
    backend = open_embedded(tmp_path)
    for i in range(300):
        beat(backend, f"k{i}")
    pid = backend.server.pid()
    os.kill(pid, signal.SIGKILL)
    assert wait_dead(pid)
    backend.close()  # the process is gone already: closing must not fail

    backend = open_embedded(tmp_path)
    try:
        assert [read_beat(backend, f"k{i}") is not None for i in range(300)] == [True] * 300
    finally:
        backend.close()



def test_a_restart_replays_writes_with_their_property_names(tmp_path):
    # FalkorDB names a property by its number in the binary "effects" it logs
    # for a slow write with few changes, and it numbers a property the first
    # time a write's plan mentions it, even when that write changes nothing
    # and so is never logged.  Replayed, the numbers then meant other names:
    # values came back under the wrong properties, or the server crashed.
    # The embedded server logs every write as its query text instead.
    backend = open_embedded(tmp_path)
    assert backend.status()["writes_logged_as"] == "query text"
    raw = backend.server.client()

    def query(text):  # the rows: the reply is [header, rows, statistics]
        reply = raw.execute_command("GRAPH.QUERY", "refgraph", text)
        return reply[1] if len(reply) == 3 else []

    query("MATCH (n:NoSuchLabel) CREATE (:Probe {never_logged: 1})")  # no change
    query("CREATE (:Probe {n: 0, kind: 'first'})")
    # slow, one change: this is what FalkorDB would log as effects
    query("UNWIND range(1, 300000) AS i WITH count(i) AS c CREATE (:Probe {n: c, kind: 'slow'})")
    pid = backend.server.pid()
    os.kill(pid, signal.SIGKILL)
    assert wait_dead(pid)
    backend.close()

    backend = open_embedded(tmp_path)
    try:
        raw = backend.server.client()
        assert query("MATCH (p:Probe) RETURN p.n, p.kind ORDER BY p.n") == [
            [0, b"first"], [300000, b"slow"]]
    finally:
        backend.close()

OWNER = textwrap.dedent("""
    import sys, graph
    backend = graph.open_backend({"GRAPH_URL": "embedded", "DATA_DIR": sys.argv[1]})
    for i in range(200):
        backend.write_one("heartbeat_write", id="w%d" % i, at=i, by="child")
    print(backend.server.pid(), flush=True)
    sys.stdin.read()
""")


def test_kill_9_of_refgraph_leaves_no_orphan_and_no_loss(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", OWNER, str(tmp_path)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        server_pid = int(child.stdout.readline())
        assert alive(server_pid)
        child.kill()  # SIGKILL: no cleanup code of refgraph runs
        child.wait(10)
        assert wait_dead(server_pid), "redis-server outlived its killed owner"
    finally:
        if child.poll() is None:
            child.kill()
    backend = open_embedded(tmp_path)
    try:
        assert all(read_beat(backend, f"w{i}") for i in range(200))
    finally:
        backend.close()


def test_two_apps_on_one_data_dir_share_one_server(tmp_path):
    first = open_embedded(tmp_path)
    second = open_embedded(tmp_path)
    try:
        assert first.server.owner and not second.server.owner
        assert first.server.pid() == second.server.pid()
        beat(first, "from-first")
        beat(second, "from-second")
        assert read_beat(second, "from-first") and read_beat(first, "from-second")
        # the owner goes away: the other one starts the server again and goes on
        first.close()
        beat(second, "after-owner-left")
        assert read_beat(second, "from-first")
        assert second.server.owner
    finally:
        first.close()
        second.close()


def test_stale_pid_and_socket_from_a_crash_are_cleaned_up(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    tmp_path.chmod(0o700)
    (tmp_path / "falkordb.pid").write_text(str(dead.pid))
    (tmp_path / "falkordb.sock").write_text("stale")
    backend = open_embedded(tmp_path)
    try:
        assert backend.server.pid() != dead.pid
        beat(backend, "after-crash")
        assert read_beat(backend, "after-crash")
    finally:
        backend.close()


def test_a_server_that_cannot_start_gives_a_clear_error(tmp_path, monkeypatch):
    server, _module = embedded._binaries()
    monkeypatch.setattr(embedded, "_binaries", lambda: (server, str(tmp_path / "no-such-module.so")))
    with pytest.raises(EmbeddedServerError) as info:
        EmbeddedServer(tmp_path / "var", startup_timeout=10).start()
    assert "exited with code" in info.value.message
    assert "no-such-module.so" in info.value.message  # the log tail says why


def test_a_binary_that_cannot_run_gives_a_clear_error(tmp_path, monkeypatch):
    bogus = tmp_path / "redis-server"
    bogus.write_bytes(b"\x7fELF not really")
    bogus.chmod(0o755)
    monkeypatch.setattr(embedded, "_binaries", lambda: (str(bogus), "module.so"))
    with pytest.raises(EmbeddedServerError, match="REFGRAPH_GRAPH_URL=falkor://"):
        EmbeddedServer(tmp_path / "var").start()


def test_a_deep_data_dir_gets_a_short_socket_path(tmp_path):
    deep = tmp_path.joinpath(*["d" * 20] * 6)
    backend = open_embedded(deep)
    try:
        assert len(str(backend.server.socket_path)) <= 100
        beat(backend, "deep")
        assert read_beat(backend, "deep")
    finally:
        backend.close()


def test_bad_appendfsync_is_refused(tmp_path):
    with pytest.raises(EmbeddedServerError, match="always, everysec or no"):
        EmbeddedServer(tmp_path, appendfsync="sometimes")


def test_restarts_do_not_grow_the_append_only_file_with_schema(tmp_path):
    def aof_size():
        return sum(p.stat().st_size for p in (tmp_path / "falkordb" / "appendonlydir").glob("*.aof"))

    open_embedded(tmp_path).close()
    open_embedded(tmp_path).close()
    before = aof_size()
    for _ in range(3):
        open_embedded(tmp_path).close()
    # each start writes its heartbeat, but no schema statement again
    assert aof_size() - before < 3 * 400


def test_a_bulk_load_defers_compaction_to_its_end(tmp_path):
    backend = open_embedded(tmp_path)
    server = backend.server
    try:
        assert server.wait_for_rewrite(30)

        def setting():
            with server.client() as conn:
                return conn.config_get("auto-aof-rewrite-percentage")["auto-aof-rewrite-percentage"]

        def rewrites():
            with server.client() as conn:
                return conn.info("persistence")["aof_rewrites"]

        before = rewrites()
        with backend.bulk_load():
            assert setting() == "0"
            beat(backend, "during the load")
        assert setting() == "50"
        # one rewrite, started when the load ended, whose result holds the load
        assert server.wait_for_rewrite(30)
        assert rewrites() == before + 1
        assert read_beat(backend, "during the load")
        with pytest.raises(RuntimeError):
            with backend.bulk_load():
                raise RuntimeError("the load failed")
        assert setting() == "50"
    finally:
        backend.close()
    backend = open_embedded(tmp_path)
    try:
        assert read_beat(backend, "during the load")
    finally:
        backend.close()


def test_a_server_still_loading_is_waited_for(tmp_path, monkeypatch):
    """A large data set takes longer to load than the start-up timeout: the
    wait goes on while the server is alive and loading."""
    open_embedded(tmp_path).close()
    server = EmbeddedServer(tmp_path, startup_timeout=0.5)
    real_client = server.client
    loading_until = time.monotonic() + 2.0     # four times the timeout

    class Loading:
        def __init__(self, conn):
            self.conn = conn

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.conn.close()

        def ping(self):
            return self.conn.ping()

        def bgrewriteaof(self):
            return self.conn.bgrewriteaof()

        def info(self, section):
            info = self.conn.info(section)
            return {**info, "loading": 1} if time.monotonic() < loading_until else info

    monkeypatch.setattr(server, "client", lambda timeout=2.0: Loading(real_client(timeout)))
    server.start()
    try:
        assert time.monotonic() >= loading_until and server.owner
    finally:
        server.stop()


def test_a_server_too_busy_loading_to_answer_is_waited_for(tmp_path, monkeypatch):
    """While redis replays a large append-only file it can stay silent for
    longer than the start-up timeout (it serves clients only between the parts
    it loads): a server that listens but does not answer in time is alive,
    and the wait goes on."""
    open_embedded(tmp_path).close()
    server = EmbeddedServer(tmp_path, startup_timeout=0.5)
    real_client = server.client
    silent_until = time.monotonic() + 2.0      # four times the timeout

    class Silent:
        def __init__(self, conn):
            self.conn = conn

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.conn.close()

        def ping(self):
            if time.monotonic() < silent_until:
                raise redis.TimeoutError("Timeout reading from socket")
            return self.conn.ping()

        def bgrewriteaof(self):
            return self.conn.bgrewriteaof()

        def info(self, section):
            return self.conn.info(section)

    monkeypatch.setattr(server, "client", lambda timeout=2.0: Silent(real_client(timeout)))
    server.start()
    try:
        assert time.monotonic() >= silent_until and server.owner
    finally:
        server.stop()


def test_a_server_whose_owner_died_is_waited_for_not_joined(tmp_path):
    """A process that opens the data directory while a killed owner's server
    is still stopping (it may answer for a moment) must not join it: the
    socket is about to go.  The server is held stopped (SIGSTOP) across its
    owner's death so that the moment lasts; the new process then waits for
    it to exit and starts its own."""
    child = subprocess.Popen([sys.executable, "-c", OWNER, str(tmp_path)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        server_pid = int(child.stdout.readline())
        assert not EmbeddedServer(tmp_path)._orphaned()   # its owner is alive
        os.kill(server_pid, signal.SIGSTOP)
        child.kill()
        child.wait(10)
        assert EmbeddedServer(tmp_path)._orphaned()
    finally:
        if child.poll() is None:
            child.kill()
        os.kill(server_pid, signal.SIGCONT)   # it now takes the SIGTERM of its owner's death
    backend = open_embedded(tmp_path)
    try:
        assert backend.server.owner and backend.server.pid() != server_pid
        assert not alive(server_pid)
        assert all(read_beat(backend, f"w{i}") for i in range(200))
    finally:
        backend.close()


@pytest.fixture
def slow_statement(tmp_path):
    """An embedded backend whose registry holds one write that takes seconds."""
    from graph.registry import Registry

    backend = open_embedded(tmp_path / "var")
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "slow_write.cypher").write_text(
        "// name: slow_write\n// Counts to $n, then records the count (tests).\n"
        "UNWIND range(1, $n) AS i WITH count(i) AS c CREATE (:Probe {n: c}) RETURN c\n")
    (tmp_path / "q" / "probe_count.cypher").write_text(
        "// name: probe_count\n// How many Probes there are.\n"
        "MATCH (p:Probe) RETURN count(p) AS n\n")
    backend.queries = Registry("falkordb", tmp_path / "q")
    yield backend
    backend.close()


def graph_queries_served(server):
    with server.client() as conn:
        return conn.info("commandstats").get("cmdstat_graph.QUERY", {}).get("calls", 0)


def test_a_statement_during_which_the_database_died_is_not_sent_again(slow_statement, caplog):
    # A "poison" request crashes the server; sending it again after the
    # restart would crash it again.  Here the server is killed while the
    # statement runs, which looks the same to refgraph.
    from graph.errors import BackendUnavailable

    backend, server = slow_statement, slow_statement.server
    pid = server.pid()
    killer = threading.Timer(0.5, os.kill, (pid, signal.SIGKILL))
    killer.start()
    with pytest.raises(BackendUnavailable) as info:
        backend.write("slow_write", n=300_000_000)
    killer.join()
    assert info.value.details["retry_after"] >= 1
    assert "stopped while running this request" in info.value.message
    assert any(record.levelname == "ERROR" and "suspected poison request" in record.message
               and "'slow_write'" in record.message and "300000000" not in record.message
               for record in caplog.records)
    # the supervisor restarts the server; the statement never reached the new one
    assert wait_dead(pid)
    status = None
    for _ in range(200):
        try:
            status = backend.read_one("probe_count")
            break
        except BackendUnavailable:
            time.sleep(0.05)
    assert status == {"n": 0}
    assert server.pid() != pid
    assert graph_queries_served(server) == 0


def test_a_stopped_database_answers_503_and_is_not_restarted(tmp_path):
    # SIGSTOP: alive, silent.  Statements and the health probe fail with a
    # 503 instead of waiting, and the supervisor must not start a second
    # server on the same files.
    from graph.errors import BackendUnavailable

    backend = open_embedded(tmp_path / "var", DB_TIMEOUT=1, DB_JOB_TIMEOUT=1)
    server = backend.server
    pid = server.pid()
    beat(backend, "before")
    os.kill(pid, signal.SIGSTOP)
    try:
        with pytest.raises(BackendUnavailable) as info:
            beat(backend, "during")
        assert "did not answer within 1 s" in info.value.message
        with pytest.raises(BackendUnavailable) as info:
            backend.health()
        assert "did not answer" in info.value.message
        with pytest.raises(BackendUnavailable):
            read_beat(backend, "before")
        assert server.supervisor.state == "up" and server.supervisor.restarts == 0
    finally:
        os.kill(pid, signal.SIGCONT)
    try:
        assert read_beat(backend, "before") is not None
        assert server.pid() == pid and server.supervisor.restarts == 0
        assert backend.health().startswith("FalkorDB")
        # the write that timed out ran when the server resumed: a retry is a replay
        assert beat(backend, "during")["heartbeat"]["id"] == "during"
    finally:
        backend.close()
