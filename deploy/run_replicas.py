"""N replicas of ``streamlit run app.py`` behind nginx with sticky sessions, on loopback.

    python -m deploy.run_replicas [--replicas 2] [--port 8080]       # local: open http://127.0.0.1:8080
    python -m deploy.run_replicas --print-config --servers 10.0.0.5:8501,10.0.0.6:8501 --port 80 \
        --prefix /var/lib/xent-nginx                                  # a filled deploy/nginx.conf for a server

Everything it starts lives in a temporary directory (the nginx config, its logs, pid and temp files); no root
paths. Ctrl-C stops nginx and every replica. ``benchmarks/replicas.py`` drives the same :func:`cluster`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).resolve().with_name("nginx.conf")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def render(servers: list[str], listen: str, prefix: str | Path, user: str | None = None) -> str:
    """The template with its markers filled: ``servers`` as ``host:port`` (replica i is named ``r<i>`` in the
    affinity cookie), nginx's ``listen`` value, the directory for logs/pid/temp files, and the ``user`` directive
    (``None``: none, nginx's compiled-in default)."""
    fails = "max_fails=1 fail_timeout=10s"
    pools = []
    for i, s in enumerate(servers):
        backups = "".join(f"        server {b} backup;\n" for b in servers if b != s)
        pools.append(f"    upstream xent_r{i} {{\n        server {s} {fails};\n{backups}    }}")
    filled = {
        "@@USER@@": f"user {user};" if user else "# user: nginx's default",
        "@@PREFIX@@": str(prefix),
        "@@SERVERS@@": "\n".join(f"        server {s} {fails};" for s in servers),
        "@@POOLS@@": "\n".join(pools),
        "@@ROUTES@@": "\n".join(f"        r{i} xent_r{i};" for i in range(len(servers))),
        "@@SERVED@@": "\n".join(f'        "~(^|[ ,]){re.escape(s)}$" r{i};' for i, s in enumerate(servers)),
        "@@LISTEN@@": listen,
    }
    text = TEMPLATE.read_text()
    for marker, value in filled.items():
        text = text.replace(marker, value)
    return text


def replica_command(port: int) -> list[str]:
    """One replica, as a server runs it: loopback only, no file watcher (it costs CPU and nothing changes)."""
    return [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
            "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false"]  # fmt: skip


def _tail(log: Path | None) -> str:
    if log is None or not log.exists():
        return ""
    return ":\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:])


def _wait_healthy(url: str, proc: subprocess.Popen, what: str, log: Path | None, seconds: float = 90.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"{what} exited with code {proc.returncode}{_tail(log)}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} not healthy after {seconds:.0f} s{_tail(log)}") from None
            time.sleep(0.25)


def _stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@dataclass
class Cluster:
    """Replicas and nginx that :func:`cluster` started; ``url`` is nginx's address."""

    url: str
    prefix: Path
    cookie_secret: str
    replicas: dict[str, subprocess.Popen] = field(default_factory=dict)  # "127.0.0.1:port" -> process
    nginx: subprocess.Popen | None = None

    @property
    def access_log(self) -> Path:
        return self.prefix / "access.log"

    @property
    def error_log(self) -> Path:
        return self.prefix / "error.log"

    def start_replica(self, addr: str, wait: bool = True) -> None:
        port = int(addr.rsplit(":", 1)[1])
        log = self.prefix / f"replica-{port}.log"
        # one cookie secret shared by every replica (Streamlit signs its cookies with it); env only, not a flag
        out = log.open("ab")
        env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret}
        proc = subprocess.Popen(replica_command(port), cwd=ROOT, stdout=out, stderr=out, env=env)
        self.replicas[addr] = proc
        out.close()  # the child holds its own copy
        if wait:
            self.wait_replica(addr)

    def wait_replica(self, addr: str) -> None:
        port = int(addr.rsplit(":", 1)[1])
        _wait_healthy(f"http://{addr}", self.replicas[addr], f"replica {addr}", self.prefix / f"replica-{port}.log")

    def kill_replica(self, addr: str) -> None:
        """SIGKILL, as a crash or an out-of-memory kill ends a replica: no clean shutdown."""
        _stop(self.replicas[addr], signal.SIGKILL)

    def stop(self) -> None:
        _stop(self.nginx)
        for proc in self.replicas.values():
            _stop(proc)


@contextlib.contextmanager
def cluster(n: int = 2, port: int | None = None, prefix: Path | None = None) -> Iterator[Cluster]:
    """Start ``n`` replicas and nginx on loopback; stop them all on the way out, whatever happened."""
    with contextlib.ExitStack() as stack:
        if prefix is None:
            prefix = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="xent-replicas-")))
        listen = f"127.0.0.1:{port or free_port()}"
        c = Cluster(url=f"http://{listen}", prefix=prefix, cookie_secret=secrets.token_hex(32))
        stack.callback(c.stop)
        servers = [f"127.0.0.1:{free_port()}" for _ in range(n)]
        # as root, nginx's workers would drop to www-data, who may not read a private temp directory
        user = "root" if os.geteuid() == 0 else None
        (prefix / "nginx.conf").write_text(render(servers, listen, prefix, user))
        for addr in servers:
            c.start_replica(addr, wait=False)
        for addr in servers:
            c.wait_replica(addr)
        cmd = [NGINX, "-e", str(prefix / "error.log"), "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
               "-g", "daemon off;"]  # fmt: skip
        c.nginx = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_healthy(c.url, c.nginx, "nginx", c.error_log, 20)
        yield c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replicas", type=int, default=2)
    ap.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (0: any free one)")
    ap.add_argument("--print-config", action="store_true", help="print a filled nginx.conf and exit")
    ap.add_argument("--servers", default="", help="with --print-config: the replicas, host:port,host:port")
    ap.add_argument("--prefix", default="/var/lib/xent-nginx", help="with --print-config: logs, pid, temp files")
    ap.add_argument("--listen", default="", help="with --print-config: nginx's listen value (default: --port)")
    args = ap.parse_args()
    if args.print_config:
        servers = [s for s in args.servers.split(",") if s] or [f"127.0.0.1:{8501 + i}" for i in range(args.replicas)]
        print(render(servers, args.listen or str(args.port), args.prefix))
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with cluster(args.replicas, args.port) as c:
        print(f"{len(c.replicas)} replicas ({', '.join(c.replicas)}) behind nginx: open {c.url}", flush=True)
        print(f"logs in {c.prefix}; Ctrl-C stops everything", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while all(p.poll() is None for p in [c.nginx, *c.replicas.values()]):
                time.sleep(1)
            print("a process exited; stopping the rest", file=sys.stderr)


if __name__ == "__main__":
    main()
