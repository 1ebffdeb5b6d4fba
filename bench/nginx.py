"""Serve a built site with real nginx on a free loopback port, the way an intranet serves it.

The project's own configuration (`deploy/nginx.conf`, a `server { }` block) is used once it exists;
until then a minimal server with gzip stands in. Either way the server block runs inside a main
configuration of our own, so that nginx runs as the current user with every path in a temp folder.
"""
from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")

# Stand-in for deploy/nginx.conf: static files, gzip for text types at level 6 (the level Debian's
# stock nginx.conf suggests), nothing else.
DEFAULT_SERVER = """\
server {
    listen 127.0.0.1:8080;
    root /srv/site;
    index index.html;
    gzip on;
    gzip_comp_level 6;
    gzip_types text/css text/plain text/xml application/javascript application/json
               application/xml image/svg+xml;
}
"""

MAIN = """\
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {mime};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{server}
}}
"""


def server_block(project: Path) -> tuple[str, str]:
    """The server block to benchmark and where it comes from: deploy/nginx.conf or the stand-in."""
    conf = project / "deploy" / "nginx.conf"
    if conf.is_file():
        return conf.read_text(encoding="utf-8"), "deploy/nginx.conf"
    return DEFAULT_SERVER, "stand-in (gzip on, level 6)"


def main_config(server: str, site: Path, port: int, tmp: Path) -> str:
    """A complete nginx.conf: `server` with its listen and root pointed at `port` and `site`."""
    server = re.sub(r"^(\s*)listen\s+[^;]+;", rf"\g<1>listen 127.0.0.1:{port};", server, flags=re.M)
    server = re.sub(r"^(\s*)root\s+[^;]+;", rf"\g<1>root {site};", server, flags=re.M)
    # As root, nginx's workers would drop to `nobody`, who cannot read a private temp folder.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    indented = "\n".join("    " + line if line else line for line in server.splitlines())
    return MAIN.format(user=user, tmp=tmp, mime=MIME_TYPES, server=indented)


@contextlib.contextmanager
def serve(site: Path, server: str) -> Iterator[str]:
    """Run nginx with `server` over `site`; yields the base URL; stops nginx by its PID."""
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as tmp_name:
        tmp = Path(tmp_name)
        for attempt in range(5):  # another process may take the free port before nginx binds it
            port = _free_port()
            conf = tmp / "nginx.conf"
            conf.write_text(main_config(server, site, port, tmp), encoding="utf-8")
            # In the foreground (daemon off), so that the process we start is nginx's master.
            proc = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if _wait_listening(port, proc):
                break
            err = proc.stderr.read() if proc.poll() is not None else ""
            _stop(proc)
            if attempt == 4:
                raise RuntimeError(f"nginx did not start: {err.strip()}")
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            _stop(proc)


def _free_port() -> int:
    """A loopback port that nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_listening(port: int, proc: subprocess.Popen, timeout: float = 10.0) -> bool:
    """True once nginx accepts connections on `port`; False if it exited or timed out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
        time.sleep(0.05)
    return False


def _stop(proc: subprocess.Popen) -> None:
    """Stop nginx's master (it takes its worker with it) by the PID we started."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
