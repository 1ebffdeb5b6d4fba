"""The nginx configuration that ships with each build, and a private nginx that serves a site with it.

The build renders deploy/nginx.conf.in (gzip, cache lifetimes, the 404 page, security headers, the
Content-Security-Policy of compendium.hosting.csp) into the built site at deploy/nginx.conf, for the
server path that site_url names. `serve` runs Debian's nginx with exactly that file (only its
listen port and folder changed) on a free loopback port, as the current user, everything it writes
in a temporary folder: for the tests and the benchmark.
"""
from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from compendium import ROOT
from compendium.book.errors import PageError

TEMPLATE = ROOT / "deploy" / "nginx.conf.in"
SITE_PATH = "deploy/nginx.conf"  # where the build puts the rendered file, inside the built site
DEFAULT_ROOT = "/var/www/xuexi/"  # the folder the shipped file serves; IT staff copy the site there
LISTEN = "listen 80;"
_PLACEHOLDER = re.compile(r"@[A-Z_]+@")
_SAFE_PATH = re.compile(r"^/(?:[A-Za-z0-9._~-]+/)*$")


# --- rendering -------------------------------------------------------------------------------


def url_prefix(site_url: str | None) -> str:
    """The server path the site is built for: the path of site_url, "/" when none is set."""
    path = urlsplit(site_url or "/").path or "/"
    path = path if path.endswith("/") else path + "/"
    if not _SAFE_PATH.match(path):
        raise PageError("mkdocs.yml", 0, "site_url", f"the path {path!r} cannot be served as written",
                        "Use ASCII letters, digits, '.', '_', '~' and '-' between slashes, e.g. https://host/xuexi/.")
    return path


def render(template: str, *, version: str, date: str, prefix: str, csp: str, root: str = DEFAULT_ROOT) -> str:
    """The configuration for one build: its version, server path, folder and Content-Security-Policy."""
    redirect = "" if prefix == "/" else f"    location = {prefix[:-1]} {{\n        return 301 {prefix};\n    }}\n"
    values = {"@VERSION@": version, "@DATE@": date, "@PREFIX@": prefix, "@ROOT@": root, "@CSP@": csp,
              "@SUBPATH_REDIRECT@\n": redirect}
    text = template
    for key, value in values.items():
        text = text.replace(key, value)
    if left := _PLACEHOLDER.search(text):
        raise PageError("deploy/nginx.conf.in", template[: template.find(left.group())].count("\n") + 1,
                        left.group(), "unknown placeholder", "Use only " + ", ".join(k.strip() for k in values) + ".")
    return text


# --- a private nginx -------------------------------------------------------------------------


def nginx_binary() -> str:
    """Path of Debian's nginx; a clear error when it is missing."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not found:
        raise FileNotFoundError("nginx is missing: run tools/setup.sh as root, or apt-get install nginx")
    return found


def local_config(shipped: str, site: Path, port: int) -> str:
    """The shipped configuration with only its listen line and its folder changed."""
    if shipped.count(LISTEN) != 1 or shipped.count(f"alias {DEFAULT_ROOT};") != 1:
        raise ValueError(f"the configuration must have one '{LISTEN}' and one 'alias {DEFAULT_ROOT};'")
    folder = str(site.absolute()).rstrip("/") + "/"  # not resolved: a symlink may be switched to a new build
    return (shipped.replace(LISTEN, f"listen 127.0.0.1:{port};")
            .replace(f"alias {DEFAULT_ROOT};", f"alias {folder};"))


def _main_config(tmp: Path, site_conf: Path, access_log: Path) -> str:
    """nginx.conf around the site's server block: pid, logs and temporary files in `tmp`; the access
    log has the bytes sent for each request (headers and body, as on the wire) and the request."""
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    temps = "".join(f"    {k}_temp_path {tmp / k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"{user}worker_processes 1;\ndaemon off;\npid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'} warn;\n"
            f"events {{ worker_connections 256; }}\n"
            f"http {{\n    log_format sent '$bytes_sent $status \"$request\"';\n"
            f"    access_log {access_log} sent;\n{temps}    include {site_conf};\n}}\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def served_path(shipped: str) -> str:
    """The server path a shipped configuration serves the site at ("/", "/xuexi/")."""
    return re.search(r"^    location (/\S*) \{$", shipped, re.M).group(1)


@contextlib.contextmanager
def serve(site: Path, shipped: str | None = None, access_log: Path | None = None) -> Iterator[str]:
    """Serve `site` with its shipped configuration; yields the origin, e.g. http://127.0.0.1:41234.

    nginx runs in the foreground as a child of this process and is stopped by its PID on exit;
    `access_log` receives one line per request: bytes sent, status, request.
    """
    shipped = shipped if shipped is not None else (site / SITE_PATH).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="nginx-") as name:
        tmp = Path(name)
        access_log = access_log or tmp / "access.log"
        (tmp / "mime.types").symlink_to("/etc/nginx/mime.types")  # `include mime.types;` of the shipped file
        for attempt in range(5):
            port = _free_port()  # another process may take it before nginx does: then try another
            (tmp / "site.conf").write_text(local_config(shipped, site, port), encoding="utf-8")
            (tmp / "nginx.conf").write_text(_main_config(tmp, tmp / "site.conf", access_log), encoding="utf-8")
            with open(tmp / "stderr.txt", "wb") as stderr:
                proc = subprocess.Popen([nginx_binary(), "-p", str(tmp), "-c", str(tmp / "nginx.conf"),
                                         "-e", str(tmp / "error.log")], stdout=subprocess.DEVNULL, stderr=stderr)
            deadline = time.monotonic() + 15
            while proc.poll() is None and not _listening(port) and time.monotonic() < deadline:
                time.sleep(0.05)
            if proc.poll() is None and _listening(port):
                break
            _stop(proc)
            err = (tmp / "stderr.txt").read_text(errors="replace")
            log = (tmp / "error.log").read_text(errors="replace") if (tmp / "error.log").exists() else ""
            if "Address already in use" not in err + log or attempt == 4:
                raise RuntimeError(f"nginx did not start:\n{err}\n{log}")
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    """Stop the nginx we started (its master, by PID), quickly and for sure."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str]) -> int:
    """Serve a built site with its shipped configuration until interrupted: a preview for IT staff."""
    if len(argv) != 1 or not (Path(argv[0]) / SITE_PATH).is_file():
        print(f"usage: python -m compendium.hosting.nginx SITE_DIR  (a built site, with {SITE_PATH})", file=sys.stderr)
        return 2
    site = Path(argv[0])
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop nginx on a plain kill too
    with serve(site) as origin:
        print(f"{origin}{served_path((site / SITE_PATH).read_text(encoding='utf-8'))}  (Ctrl-C stops nginx)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
