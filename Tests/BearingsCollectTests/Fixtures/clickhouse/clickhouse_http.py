#!/usr/bin/env python3
"""A small server speaking ClickHouse's HTTP interface on 127.0.0.1, answering with chDB (an embedded
ClickHouse), for Bearings' tests of `collect --history`.

    python3 clickhouse_http.py --log FILE [--rows FILE]

loads schema.sql and the rows of a Python module beside it (--rows, rows.py unless told: its
GITHUB_EVENTS and PYPI_DOWNLOADS_PER_DAY; two_years.py for the end-to-end test), listens on a free port of 127.0.0.1, prints that port on a line of its own
and serves until killed. As ClickHouse's HTTP interface does (https://clickhouse.com/docs/interfaces/http):

- the query is the POST body (with a GET, the `query` URL parameter; a POST may start the query there too);
- `default_format` picks the output format; other URL parameters that are not `param_*`, `query`,
  `database`, `user` or `password` are settings (max_execution_time, ...), applied for that query;
- `param_NAME=value` binds `{NAME:Type}` in the query: the values go to chDB's own parameter binding,
  never into the SQL text;
- the user and password come from X-ClickHouse-User / X-ClickHouse-Key, from HTTP basic authentication,
  or from the `user` / `password` URL parameters; users: `play` and `explorer` without password (the
  public playground's), `bearings-ci` with password `ci-secret` (a "private cluster"); anything else is
  refused with 403 and ClickHouse's AUTHENTICATION_FAILED text;
- a failed query answers with ClickHouse's error text (`Code: N. DB::Exception: ...`), the
  X-ClickHouse-Exception-Code header and status 400 (bad query), 404 (unknown table or database) or 500.

Test hooks, by the path of the endpoint:
- `/quoted/...` quotes 64-bit integers in JSON output (output_format_json_quote_64bit_integers=1, the
  default of older ClickHouse servers); elsewhere they are bare numbers (the default of newer ones);
- `/down/...` answers 503 to everything; `/garbage/...` answers 200 with a body that is not the format.

Each request is appended to the --log file as one JSON line: method, path, query string, headers, body.
chDB keeps its files in the folder FILE.chdb beside that log.
"""
import argparse
import base64
import importlib.util
import json
import os
import re
import signal
import sys
import traceback
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

try:
    import chdb
    from chdb import session as chdb_session
except ImportError:
    sys.stderr.write("chdb is missing: pip install chdb (scripts/test installs it)\n")
    sys.exit(3)

HERE = os.path.dirname(os.path.abspath(__file__))

USERS = {"play": "", "explorer": "", "bearings-ci": "ci-secret"}
NOT_SETTINGS = {"query", "default_format", "database", "user", "password", "query_id", "session_id"}
SETTING_VALUE = re.compile(r"^[A-Za-z0-9_.]+$")


def rows_module(name):
    """The module `name` (a file name, looked for beside this script unless it is a path)."""
    path = name if os.path.isabs(name) else os.path.join(HERE, name)
    spec = importlib.util.spec_from_file_location(os.path.splitext(os.path.basename(path))[0], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(session, rows):
    GITHUB_EVENTS, PYPI_DOWNLOADS_PER_DAY = rows.GITHUB_EVENTS, rows.PYPI_DOWNLOADS_PER_DAY
    with open(os.path.join(HERE, "schema.sql"), encoding="utf-8") as file:
        text = file.read()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    for statement in text.split(";"):
        if statement.strip():
            session.query(statement)
    events = "\n".join(
        json.dumps({"event_type": t, "actor_login": a, "repo_name": r, "created_at": c, "action": x})
        for t, a, r, c, x in GITHUB_EVENTS
    )
    session.query(
        "INSERT INTO github_events (event_type, actor_login, repo_name, created_at, action) FORMAT JSONEachRow\n"
        + events
    )
    downloads = "\n".join(
        json.dumps({"date": d, "project": p, "version": v, "count": n}) for d, p, v, n in PYPI_DOWNLOADS_PER_DAY
    )
    session.query("INSERT INTO pypi.pypi_downloads_per_day FORMAT JSONEachRow\n" + downloads)


def error_status(code):
    if code in (60, 81):  # UNKNOWN_TABLE, UNKNOWN_DATABASE
        return 404
    if code in (62, 47, 46, 36, 43, 53, 456, 457):  # syntax, identifier, function, bad arguments, parameters
        return 400
    if code == 516:
        return 403
    return 500


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ClickHouse"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_query(b"")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.handle_query(self.rfile.read(length))

    def record(self, body):
        entry = {
            "method": self.command,
            "path": urlsplit(self.path).path,
            "query": urlsplit(self.path).query,
            "headers": {name.lower(): value for name, value in self.headers.items()},
            "body": body.decode("utf-8", "replace"),
        }
        with open(self.server.log, "a", encoding="utf-8") as file:
            file.write(json.dumps(entry) + "\n")

    def answer(self, status, body, headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def fail(self, code, message, name):
        text = f"Code: {code}. DB::Exception: {message}. ({name}) (version chdb {chdb.__version__})\n"
        self.answer(
            error_status(code),
            text.encode(),
            {"Content-Type": "text/plain; charset=UTF-8", "X-ClickHouse-Exception-Code": str(code)},
        )

    def handle_query(self, body):
        # One connection per thread (clients keep theirs open); one query at a time on the one session.
        with self.server.lock:
            self.run_query(body)

    def run_query(self, body):
        self.record(body)
        url = urlsplit(self.path)
        if url.path.startswith("/down"):
            self.answer(503, b"Service Unavailable\n", {"Content-Type": "text/plain"})
            return
        arguments = parse_qsl(url.query, keep_blank_values=True)
        values = dict(arguments)
        user, password = values.get("user", "default"), values.get("password", "")
        authorization = self.headers.get("Authorization", "")
        if authorization.startswith("Basic "):
            user, _, password = base64.b64decode(authorization[6:]).decode().partition(":")
        user = self.headers.get("X-ClickHouse-User", user)
        password = self.headers.get("X-ClickHouse-Key", password)
        if USERS.get(user) != password:
            self.fail(
                516,
                f"{user}: Authentication failed: password is incorrect, or there is no user with such name",
                "AUTHENTICATION_FAILED",
            )
            return
        query = values.get("query", "") + body.decode("utf-8")
        parameters = {name[6:]: value for name, value in arguments if name.startswith("param_")}
        settings = {
            name: value for name, value in arguments if name not in NOT_SETTINGS and not name.startswith("param_")
        }
        settings["output_format_json_quote_64bit_integers"] = "1" if url.path.startswith("/quoted") else "0"
        fmt = values.get("default_format", "TabSeparated")
        if url.path.startswith("/garbage"):
            self.answer(200, b"<html>not ClickHouse</html>", {"Content-Type": "text/html"})
            return
        try:
            for name, value in settings.items():
                if not SETTING_VALUE.match(name) or not SETTING_VALUE.match(value):
                    self.fail(115, f"Unknown setting or bad value: {name}", "UNKNOWN_SETTING")
                    return
                self.server.session.query(f"SET {name} = {value}")
            result = self.server.session.query(query, fmt, params=parameters)
            data = result.bytes()
        except Exception as error:  # chDB raises ClickHouse's own text
            text = str(error).strip()
            match = re.match(r"Code: (\d+)\. DB::Exception: (.*?)\. \((\w+)\)", text, re.S)
            if match:
                self.fail(int(match.group(1)), match.group(2), match.group(3))
            else:
                self.fail(1001, text.splitlines()[0] if text else "unknown error", "STD_EXCEPTION")
            return
        finally:
            for name in settings:
                try:
                    self.server.session.query(f"SET {name} = DEFAULT")
                except Exception:
                    pass
        content = "application/json; charset=UTF-8" if fmt.startswith("JSON") else "text/plain; charset=UTF-8"
        self.answer(
            200,
            data,
            {
                "Content-Type": content,
                "X-ClickHouse-Format": fmt,
                "X-ClickHouse-Query-Id": "bearings-test",
                "X-ClickHouse-Summary": '{"read_rows":"0","read_bytes":"0"}',
            },
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--rows", default="rows.py")
    options = parser.parse_args()
    rows = rows_module(options.rows)
    # chDB's files go beside the log, so whoever removes the log removes them too (the tests stop the server
    # with SIGKILL: it cannot clean up after itself).
    directory = options.log + ".chdb"
    os.makedirs(directory, exist_ok=True)
    session = chdb_session.Session(directory)
    load(session, rows)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.lock = threading.Lock()
    server.session = session
    server.log = options.log
    # The tests stop the server with SIGTERM; a process started by Foundation may have it blocked.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    try:
        main()
    except Exception:
        traceback.print_exc()
        sys.exit(1)
