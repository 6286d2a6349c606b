#!/usr/bin/env python3
"""Run a real Neo4j Community server from Maven Central jars: no Docker.

    tools/neo4j/start [--data DIR] [--port P]   # prints export lines for the shell
    tools/neo4j/stop  [--data DIR]
    tools/neo4j/status [--data DIR]
    tools/neo4j/with-neo4j [--data DIR] [--port P] COMMAND ...

``with-neo4j`` starts a server on a fresh store (by default a new folder under
var/ and a free port), runs COMMAND with the NEO4J_* variables set, stops the
server and exits with COMMAND's status: what the test command uses.

``eval "$(tools/neo4j/start)"`` sets NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
NEO4J_DATABASE for the test suite (and REFGRAPH_GRAPH_URL / REFGRAPH_NEO4J_* for
``refgraph serve``).  Progress and errors go to stderr, so only the exports
reach ``eval``.

The version is ``NEO4J_VERSION`` (default: the LTS pinned in pom.xml).  Neo4j's
calendar releases (2025.x and later) need Java 21+: set ``JAVA_HOME`` to such a
JDK (e.g. /usr/lib/jvm/temurin-25-jdk-amd64); when it is not set, the newest JDK
under /usr/lib/jvm that is new enough is used.

Standard library only: this runs before any virtual environment exists.
"""

import argparse
import contextlib
import io
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
POM = HERE / "pom.xml"
DEFAULT_DATA = REPO / "var" / "neo4j"
DEFAULT_PORT = 7687
START_TIMEOUT = float(os.environ.get("NEO4J_START_TIMEOUT", "180"))

# Sized for the 2-core, 24 GiB machines we run on: the test suite and the
# 1M-user benchmark fit in 2 GiB of heap; the page cache holds the whole
# store at 1M users (about 1.5 GiB on disk) with room to spare.
HEAP = os.environ.get("NEO4J_HEAP", "2g")
PAGECACHE = os.environ.get("NEO4J_PAGECACHE", "3g")

# What Neo4j's own launcher passes to the JVM (Netty and the page cache use
# these internals); without them Neo4j 5 logs illegal-access failures on 17+.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
]


class ToolError(Exception):
    """A failure with a message that says what to do next."""


def say(message):
    print(f"neo4j: {message}", file=sys.stderr, flush=True)


def pinned_version():
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text())
    return match.group(1)


def version_wanted():
    return os.environ.get("NEO4J_VERSION") or pinned_version()


def needs_java(version):
    """The Java feature release a Neo4j version needs: 5.x runs on 17,
    the calendar releases (2025.01 and later) on 21."""
    return 17 if version.startswith(("4.", "5.")) else 21


def java_feature(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        raise ToolError(f"could not tell the version of {java}: {out.strip()[:200]}")
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 else major


def find_java(version):
    need = needs_java(version)
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    else:
        on_path = shutil.which("java")
        if on_path:
            candidates.append(Path(on_path))
        jvm = Path("/usr/lib/jvm")
        if jvm.is_dir():
            candidates += sorted(jvm.glob("*/bin/java"), reverse=True)
    seen = []
    for java in candidates:
        if not java.exists():
            continue
        feature = java_feature(str(java))
        seen.append(f"{java} ({feature})")
        if feature >= need:
            return str(java), feature
    if not seen:
        raise ToolError(
            "no java found: install a JDK (apt-get install openjdk-17-jre-headless) "
            "or set JAVA_HOME to one"
        )
    raise ToolError(
        f"Neo4j {version} needs Java {need}+, found only {', '.join(seen)}; "
        f"set JAVA_HOME to a JDK {need} or newer (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)"
    )


def jars(version):
    """The folder of Neo4j's jars for ``version``, fetched with Maven once."""
    lib = HERE / "lib" / version
    done = lib / ".complete"
    if done.exists():
        return lib
    mvn = shutil.which("mvn")
    if not mvn:
        raise ToolError("mvn is missing: install Maven (apt-get install maven), then run this again")
    say(f"fetching Neo4j {version} jars from Maven Central into {lib} (once; ~120 MB)")
    if lib.exists():
        shutil.rmtree(lib)
    command = [
        mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
        f"-Dneo4j.version={version}", f"-DoutputDirectory={lib}", "-DincludeScope=runtime",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise ToolError(
            f"Maven could not fetch Neo4j {version} (exit {result.returncode}):\n{tail}\n"
            "check the version (NEO4J_VERSION) and that Maven Central is reachable"
        )
    count = len(list(lib.glob("*.jar")))
    if count < 50:
        raise ToolError(f"Maven put only {count} jars in {lib}; remove it and run again")
    done.write_text(version + "\n")
    say(f"{count} jars ready")
    return lib


def entry_point(lib, version):
    """The server's main class: ``CommunityEntryPoint`` in 5.x, renamed
    ``Neo4jCommunity`` in the calendar releases."""
    jar = lib / f"neo4j-{version}.jar"
    with zipfile.ZipFile(jar) as archive:
        names = set(archive.namelist())
    for main in ("org.neo4j.server.CommunityEntryPoint", "org.neo4j.server.Neo4jCommunity"):
        if main.replace(".", "/") + ".class" in names:
            return main
    raise ToolError(f"no known Neo4j entry point in {jar}; this tool knows 5.x and 2025.x+")


def bolt_answers(port, timeout=1.0):
    """True when a Bolt server answers the handshake on 127.0.0.1:port."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            # Magic preamble, then four proposed versions (5.x .. 4.x ranges).
            sock.sendall(bytes.fromhex("6060b017") + bytes.fromhex(
                "00080805" "00000404" "00000000" "00000000"))
            reply = sock.recv(4)
            return len(reply) == 4 and reply != b"\x00\x00\x00\x00"
    except OSError:
        return False


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours still "exists"; look at its state.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        return state != "Z"
    except OSError:
        return True


class Instance:
    """One server's folder: conf, data, logs, password, pid and port files."""

    def __init__(self, data):
        self.home = Path(data).resolve()
        self.conf_dir = self.home / "conf"
        self.pid_file = self.home / "neo4j.pid"
        self.port_file = self.home / "port"
        self.password_file = self.home / "password"
        self.version_file = self.home / "version"
        self.console_log = self.home / "logs" / "console.log"

    def pid(self):
        try:
            pid = int(self.pid_file.read_text())
        except (OSError, ValueError):
            return None
        return pid if pid_alive(pid) else None

    def port(self):
        try:
            return int(self.port_file.read_text())
        except (OSError, ValueError):
            return None

    def password(self):
        if not self.password_file.exists():
            # URL-safe and long: Neo4j requires 8+ characters.
            self.password_file.write_text(secrets.token_urlsafe(18) + "\n")
            self.password_file.chmod(0o600)
        return self.password_file.read_text().strip()

    def write_conf(self, port):
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        (self.conf_dir / "neo4j.conf").write_text("\n".join([
            "# Written by tools/neo4j/start at every start; edit the tool, not this file.",
            "server.default_listen_address=127.0.0.1",
            "server.bolt.enabled=true",
            f"server.bolt.listen_address=127.0.0.1:{port}",
            "server.http.enabled=false",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            "dbms.usage_report.enabled=false",
            f"server.memory.heap.initial_size={HEAP}",
            f"server.memory.heap.max_size={HEAP}",
            f"server.memory.pagecache.size={PAGECACHE}",
            f"server.directories.data={self.home / 'data'}",
            f"server.directories.logs={self.home / 'logs'}",
            f"server.directories.run={self.home / 'run'}",
            f"server.directories.plugins={self.home / 'plugins'}",
            f"server.directories.import={self.home / 'import'}",
            f"server.directories.lib={self.home / 'lib'}",
            f"server.directories.licenses={self.home / 'licenses'}",
            "db.tx_log.rotation.retention_policy=1 files",
            "",
        ]))

    def exports(self, port):
        password = self.password()
        uri = f"bolt://127.0.0.1:{port}"
        return "\n".join([
            f"export NEO4J_URI={uri}",
            "export NEO4J_USER=neo4j",
            f"export NEO4J_PASSWORD={password}",
            "export NEO4J_DATABASE=neo4j",
            f"export REFGRAPH_NEO4J_PASSWORD={password}",
        ])


def start(args):
    version = version_wanted()
    inst = Instance(args.data)
    pid = inst.pid()
    if pid:
        port = inst.port()
        if args.port and port != args.port:
            raise ToolError(
                f"a server from {inst.home} already runs on port {port} (pid {pid}); "
                "stop it first (tools/neo4j/stop) to use another port"
            )
        if port and bolt_answers(port):
            say(f"already running (pid {pid}) on bolt://127.0.0.1:{port}")
            print(inst.exports(port))
            return
    elif inst.pid_file.exists():
        inst.pid_file.unlink()
    port = args.port or DEFAULT_PORT
    if not pid and bolt_answers(port):
        raise ToolError(
            f"something else answers Bolt on 127.0.0.1:{port}; stop it or choose --port"
        )
    earlier = inst.version_file.read_text().strip() if inst.version_file.exists() else None
    if earlier and earlier != version:
        raise ToolError(
            f"{inst.home} holds a Neo4j {earlier} store; use another --data folder for "
            f"{version} (or remove {inst.home} to start afresh)"
        )
    java, feature = find_java(version)
    lib = jars(version)
    for folder in ("data", "logs", "run", "plugins", "import", "lib", "licenses"):
        (inst.home / folder).mkdir(parents=True, exist_ok=True)
    inst.home.chmod(0o700)
    inst.write_conf(port)
    env = {**os.environ, "NEO4J_HOME": str(inst.home), "NEO4J_CONF": str(inst.conf_dir)}
    classpath = f"{lib}/*"
    if not (inst.home / "data" / "dbms" / "auth.ini").exists():
        # Only takes effect before the very first start of this store.
        result = subprocess.run(
            [java, "-cp", classpath, "org.neo4j.cli.AdminTool", "dbms",
             "set-initial-password", inst.password()],
            capture_output=True, text=True, env=env,
        )
        if result.returncode != 0:
            raise ToolError(f"setting the initial password failed: {result.stderr.strip()[-500:]}")
    inst.version_file.write_text(version + "\n")
    if pid:
        # A server of ours is alive but does not answer Bolt (still starting):
        # wait for it rather than starting a second one on the same store.
        proc = None
    else:
        log = open(inst.console_log, "ab")
        proc = subprocess.Popen(
            [java, f"-Xms{HEAP}", f"-Xmx{HEAP}", *JVM_FLAGS, "-cp", classpath,
             entry_point(lib, version),
             f"--home-dir={inst.home}", f"--config-dir={inst.conf_dir}", "--console-mode"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            env=env, start_new_session=True,
        )
        log.close()
        pid = proc.pid
        inst.pid_file.write_text(f"{pid}\n")
        inst.port_file.write_text(f"{port}\n")
    say(f"starting Neo4j {version} on Java {feature} (pid {pid}), data in {inst.home}")
    began = time.monotonic()
    shown = 0
    while not bolt_answers(port):
        alive = proc.poll() is None if proc else pid_alive(pid)
        if not alive:
            inst.pid_file.unlink(missing_ok=True)
            tail = "\n".join(inst.console_log.read_text(errors="replace").splitlines()[-25:])
            raise ToolError(f"Neo4j exited while starting; the end of {inst.console_log}:\n{tail}")
        waited = time.monotonic() - began
        if waited > START_TIMEOUT:
            raise ToolError(
                f"Neo4j did not answer Bolt on port {port} within {START_TIMEOUT:.0f} s; "
                f"see {inst.console_log} (raise NEO4J_START_TIMEOUT on a slow machine)"
            )
        if waited - shown >= 10:
            shown = waited
            say(f"waiting for Bolt on port {port} ... {waited:.0f} s")
        time.sleep(0.25)
    say(f"ready in {time.monotonic() - began:.1f} s: bolt://127.0.0.1:{port} (user neo4j)")
    print(inst.exports(port))


def stop(args):
    inst = Instance(args.data)
    pid = inst.pid()
    if not pid:
        inst.pid_file.unlink(missing_ok=True)
        say(f"not running (no live server for {inst.home})")
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + float(os.environ.get("NEO4J_STOP_TIMEOUT", "60"))
    while pid_alive(pid):
        if time.monotonic() > deadline:
            say(f"pid {pid} did not stop within the timeout; killing it")
            os.kill(pid, signal.SIGKILL)
            break
        time.sleep(0.2)
    inst.pid_file.unlink(missing_ok=True)
    say(f"stopped (pid {pid})")


def status(args):
    inst = Instance(args.data)
    pid = inst.pid()
    port = inst.port()
    if pid and port and bolt_answers(port):
        say(f"running (pid {pid}) on bolt://127.0.0.1:{port}")
        print(inst.exports(port))
        return
    say(f"not running ({inst.home})")
    sys.exit(3)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_with(args):
    """Start a throwaway server, run the command with its variables, stop it."""
    if not args.rest:
        raise ToolError("with-neo4j needs a command to run, e.g. tools/neo4j/with-neo4j pytest")
    fresh = args.data is None
    data = Path(args.data) if args.data else REPO / "var" / f"neo4j-run-{os.getpid()}"
    if fresh and data.exists():
        shutil.rmtree(data)
    args.data = str(data)
    args.port = args.port or free_port()
    exports = io.StringIO()
    with contextlib.redirect_stdout(exports):
        start(args)
    env = dict(os.environ)
    for line in exports.getvalue().splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        env[name] = value
    try:
        code = subprocess.call(args.rest, env=env)
    except KeyboardInterrupt:
        code = 130
    except FileNotFoundError:
        code = 127
        say(f"error: command not found: {args.rest[0]}")
    finally:
        stop(args)
        if fresh:
            shutil.rmtree(data, ignore_errors=True)
    sys.exit(code)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="tools/neo4j", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["start", "stop", "status", "with-neo4j"])
    parser.add_argument("--data", default=os.environ.get("NEO4J_DATA"),
                        help=f"the server's folder (default {DEFAULT_DATA}; "
                             "with-neo4j: a fresh folder, removed afterwards)")
    parser.add_argument("--port", type=int, default=None,
                        help=f"Bolt port on 127.0.0.1 (default {DEFAULT_PORT}; "
                             "with-neo4j: a free port)")
    argv = list(sys.argv[1:] if argv is None else argv)
    rest = []
    if argv and argv[0] == "with-neo4j":
        # Our options come first; the command starts at the first other word.
        i = 1
        while i < len(argv) and argv[i] in ("--data", "--port"):
            i += 2
        if i < len(argv) and argv[i] == "--":
            i += 1
        argv, rest = argv[:i], argv[i:]
    args = parser.parse_args(argv)
    args.rest = rest
    if args.command != "with-neo4j":
        args.data = args.data or str(DEFAULT_DATA)
    try:
        {"start": start, "stop": stop, "status": status, "with-neo4j": run_with}[args.command](args)
    except ToolError as exc:
        say(f"error: {exc}")
        sys.exit(1)


if __name__ == "__main__":
    main()
