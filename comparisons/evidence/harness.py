"""Runs one probe inside a release's virtual environment: `python harness.py PROBE_FILE`.

Standard library only (it runs on the release's Python, not the site's). It
refuses network connections other than loopback and Unix sockets, runs the
probe as `__main__`, and turns what happened into the exit status the
collector reads: 0 passed, 3 failed (an AssertionError), 4 error (any other
exception, or another exit status: 1 is what Python itself exits with when it
breaks), 77 skipped (the probe exited with 77).
"""

import ipaddress
import os
import runpy
import socket
import sys
import traceback

PASSED, FAILED, ERROR, SKIPPED = 0, 3, 4, 77


def _is_local(address) -> bool:
    if not isinstance(address, tuple):
        return True  # a Unix socket path
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse_remote(connect):
    def guarded(self, address):
        if not _is_local(address):
            raise ConnectionRefusedError(f"probes may not reach the network (tried {address!r})")
        return connect(self, address)

    return guarded


def _is_address(host) -> bool:
    try:
        ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return True


def _refuse_remote_names(getaddrinfo):
    def guarded(host, *args, **kwargs):
        # An address needs no lookup (connecting to it is refused above); a name other than localhost would.
        if host not in (None, "localhost") and not _is_address(host):
            raise socket.gaierror(f"probes may not reach the network (tried to resolve {host!r})")
        return getaddrinfo(host, *args, **kwargs)

    return guarded


def main(path: str) -> int:
    # Neither the harness's folder nor the probe's is importable: a probe named like a package
    # (websockets.py) must not stand in for it, nor the collector's modules for anything.
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or ".") != here]
    socket.socket.connect = _refuse_remote(socket.socket.connect)
    socket.socket.connect_ex = _refuse_remote(socket.socket.connect_ex)
    socket.getaddrinfo = _refuse_remote_names(socket.getaddrinfo)
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    except AssertionError:
        traceback.print_exc()
        return FAILED
    except SystemExit as exit:
        code = exit.code
        if code in (None, 0):
            return PASSED
        if code == SKIPPED:
            return SKIPPED
        print(f"The probe exited with {code!r}.", file=sys.stderr)
        return ERROR
    except BaseException:
        traceback.print_exc()
        return ERROR
    return PASSED


if __name__ == "__main__":
    status = main(sys.argv[1])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # threads or servers a probe left running must not keep it alive
