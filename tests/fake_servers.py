"""HTTP servers on 127.0.0.1 that stand in for outside services in tests.

Each runs in a thread for the length of one test, answers from a script the
test writes, and records every request it got, so a test can check both what
specdiff sent and what it did with the answers.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    """By lower-case name."""
    body: Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class FakeServer:
    """A scripted HTTP server: ``answer(request) -> Reply`` decides each reply."""

    def __init__(self, answer: Callable[[Request], Reply]) -> None:
        self.answer = answer
        self.requests: list[Request] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode("utf-8", "replace")
                request = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                server.requests.append(request)
                reply = server.answer(request)
                if reply.delay:
                    time.sleep(reply.delay)
                payload = reply.body if isinstance(reply.body, (bytes, str)) else json.dumps(reply.body)
                data = payload.encode() if isinstance(payload, str) else payload
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a timeout test)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # serve_forever accepts after select says a connection waits; if the client gave up in
        # between, a blocking accept waited forever and so did shutdown (a test hung on it).
        # Non-blocking, that accept fails and serve_forever goes on; accepted sockets still block.
        self._server.socket.setblocking(False)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def _read_request(connection: Any) -> None:
    """Read one HTTP request: its head, then as many body bytes as its Content-Length says."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0
    )
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return
        body += chunk


def chat_completion(content: str) -> dict[str, Any]:
    """An OpenAI chat completion whose one message says ``content``."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1767225600,
        "model": "test-model",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def explaining(request: Request, verdict: str = "narrowed") -> Reply:
    """A well-behaved model: explains every amendment the request asks about."""
    user = next(m["content"] for m in request.body["messages"] if m["role"] == "user")
    ids = [item["id"] for item in json.loads(user)["amendments"]]
    entries = [{"id": i, "summary": f"Summary of {i}.", "verdict": verdict, "rationale": "Because."} for i in ids]
    return Reply(200, chat_completion(json.dumps({"amendments": entries})))


class RawServer:
    """A server on 127.0.0.1 that answers every connection with the same raw bytes, for answers
    no HTTP library would send: a bad status line, a truncated body, a reply dripped byte by byte.

    ``pieces`` are sent in turn, ``pause`` seconds apart; the request itself is read whole and
    dropped (closing a socket with unread bytes sends a reset, which can destroy the reply before
    the client reads it: "could not reach" instead of "broke off", seen under load).
    """

    def __init__(self, *pieces: bytes, pause: float = 0.0) -> None:
        import socket

        self.pieces, self.pause = pieces, pause
        self.connections = 0
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._socket.getsockname()[:2]
        return f"http://{host}:{port}"

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: Any) -> None:
        try:
            connection.settimeout(5)
            _read_request(connection)
            for piece in self.pieces:
                if self._closed.is_set():
                    break
                connection.sendall(piece)
                time.sleep(self.pause)
        except OSError:
            pass
        finally:
            connection.close()

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closed.set()
        self._socket.close()


def raw_reply(status: int, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    """The bytes of an HTTP/1.1 answer."""
    lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Content-Type: application/json", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
