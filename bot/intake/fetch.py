"""Safe HTTP for links and feeds: public addresses only, bounded in size, time and redirects.

A moderator's link must not reach the bot host's own network. Every address a URL leads to is
checked after DNS resolution, on the first request and on every redirect (followed here, one
hop at a time, at most ``MAX_REDIRECTS``), and the socket connects to the address that was
checked: the vetting resolver sits inside aiohttp's connector, so a DNS answer that changes
between the check and the connection (rebinding) cannot slip past. Literal IP addresses never
reach a resolver, so they are checked before the request. ``allow_private`` (the setting
``PITWALL_ALLOW_PRIVATE_URLS=1``) lifts the address check for self-hosted feeds and tests.

Responses are streamed up to ``MAX_BYTES`` and refused past it; the content type must be what
the caller expects (a page or a feed); requests carry a descriptive User-Agent, are
conditional when an ETag or Last-Modified is known, and any one host gets at most one request
every ``host_interval`` seconds. Every failure is a ``FetchError`` with one short line.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from bot import __version__
from bot.errors import FetchError

__all__ = [
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "Fetched",
    "Fetcher",
    "Kind",
    "address_refusal",
    "check_url",
]

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = (
    f"Pitwall/{__version__} (a Discord bot for motorsport fans; fetches articles a server's "
    "moderators link or subscribe to)"
)

Kind = Literal["page", "feed"]

#: Media types accepted for each kind of fetch; anything else is refused by name.
_PAGE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)
_FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "application/json",
        "text/plain",
        "text/html",  # some servers label their feed so; the parser decides
    }
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

#: Cloud metadata services, named in the refusal (most are link-local or private anyway).
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_refusal(ip: IPAddress) -> str | None:
    """Why a connection to ``ip`` is refused (a short phrase), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved or not ip.is_global:
        return "a reserved address"
    return None


def _literal_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def check_url(url: str) -> str:
    """Refuse anything but an absolute http(s) URL with a host and no credentials."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        raise FetchError(f"not a valid link: {_short(url)}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https links can be fetched, not {_short(url)}")
    if not parts.hostname:
        raise FetchError(f"the link has no host: {_short(url)}")
    if parts.username is not None or parts.password is not None:
        raise FetchError("links with a user name or password in them are refused")
    return url.strip()


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _VettingResolver(AbstractResolver):
    """Resolve with ``inner``, then refuse the host if any address it gives is not public.

    aiohttp's connector connects to exactly the addresses returned here, so what is checked
    is what is connected to. All addresses must pass: a name that resolves to a public and a
    private address is refused rather than raced.
    """

    def __init__(self, inner: AbstractResolver, allowed: Callable[[IPAddress], str | None]):
        self._inner = inner
        self._refusal = allowed

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        for entry in found:
            ip = _literal_ip(str(entry["host"]).split("%", 1)[0])
            reason = "an address that cannot be checked" if ip is None else self._refusal(ip)
            if reason is not None:
                raise FetchError(f"refused: {host} resolves to {reason} ({entry['host']})")
        return found

    async def close(self) -> None:
        await self._inner.close()


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response: the final URL after redirects, its body (empty when not modified)."""

    url: str
    status: int
    body: bytes
    content_type: str  # the media type, lowercased, without parameters ('' when not sent)
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body as text, in the charset the server gave (UTF-8 otherwise), never failing."""
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return self.body.decode("utf-8", errors="replace")


class Fetcher:
    """Fetch pages and feeds safely; one per process (it keeps one connection pool).

    ``exempt``: addresses allowed even when private ones are not; tests use it to reach their
    own 127.0.0.1 server while checking that every other private address is refused.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        timeout: float = 20.0,
        host_interval: float = 3.0,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        user_agent: str = USER_AGENT,
        resolver: AbstractResolver | None = None,
        exempt: Iterable[str] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.allow_private = allow_private
        self.timeout = timeout
        self.host_interval = host_interval
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        self._inner_resolver = resolver
        self._exempt = frozenset(ipaddress.ip_address(a) for a in exempt)
        self._clock = clock
        self._session: aiohttp.ClientSession | None = None
        self._last_request: dict[str, float] = {}
        self._host_locks: dict[str, asyncio.Lock] = {}

    def refusal(self, ip: IPAddress) -> str | None:
        """Why ``ip`` may not be reached under this fetcher's policy, or None."""
        if self.allow_private or ip in self._exempt:
            return None
        return address_refusal(ip)

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            inner = self._inner_resolver or aiohttp.ThreadedResolver()
            connector = aiohttp.TCPConnector(
                resolver=_VettingResolver(inner, self.refusal),
                use_dns_cache=False,
                limit=8,
                limit_per_host=2,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={"User-Agent": self.user_agent},
                trust_env=False,  # a proxy would connect for us, past the address check
                auto_decompress=True,
            )
        return self._session

    async def aclose(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    async def get(
        self,
        url: str,
        kind: Kind = "page",
        *,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET ``url`` following at most ``max_redirects`` redirects, each one checked."""
        current = check_url(url)
        seen: set[str] = set()
        for _ in range(self.max_redirects + 1):
            self._check_literal(current)
            seen.add(current)
            response = await self._once(current, kind, etag, last_modified)
            if isinstance(response, Fetched):
                return response
            target = urljoin(current, response)
            try:
                target = check_url(target)
            except FetchError as exc:
                raise FetchError(f"{_host(current)} redirected to a refused link: {exc}") from None
            if target in seen:
                raise FetchError(f"{_host(current)} redirects in a loop")
            current = target
        raise FetchError(f"{_host(url)}: more than {self.max_redirects} redirects")

    def _check_literal(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        ip = _literal_ip(host)
        if ip is not None and (reason := self.refusal(ip)) is not None:
            raise FetchError(f"refused: {host} is {reason}")

    async def _pace(self, host: str) -> None:
        """Wait until ``host`` has had no request from us for ``host_interval`` seconds."""
        lock = self._host_locks.setdefault(host, asyncio.Lock())
        async with lock:
            last = self._last_request.get(host)
            if last is not None:
                wait = last + self.host_interval - self._clock()
                if wait > 0:
                    log.debug("waiting %.1f s before the next request to %s", wait, host)
                    await asyncio.sleep(wait)
            self._last_request[host] = self._clock()

    async def _once(
        self, url: str, kind: Kind, etag: str | None, last_modified: str | None
    ) -> Fetched | str:
        """One request: the response, or the Location of a redirect."""
        host = _host(url)
        await self._pace(host)
        headers = {"Accept": _ACCEPT[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        timeout = aiohttp.ClientTimeout(
            total=self.timeout, connect=min(10.0, self.timeout), sock_read=self.timeout
        )
        try:
            async with self._open().get(
                url, headers=headers, allow_redirects=False, timeout=timeout
            ) as response:
                if response.status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(f"{host} redirected without saying where")
                    return location
                if response.status == 304:
                    return self._fetched(url, response, b"")
                if response.status != 200:
                    status = response.status
                    raise FetchError(
                        _status_line(host, status),
                        status=status,
                        transient=status >= 500 or status in (408, 429),
                    )
                media = response.content_type.lower() if "Content-Type" in response.headers else ""
                allowed = _PAGE_TYPES if kind == "page" else _FEED_TYPES
                if media and media not in allowed:
                    what = "a web page" if kind == "page" else "a news feed"
                    raise FetchError(f"{host} sent {media}, not {what}", status=200)
                declared = response.content_length
                if declared is not None and declared > self.max_bytes:
                    raise FetchError(_too_large(host, self.max_bytes), status=200)
                body = bytearray()
                async for chunk in response.content.iter_chunked(65536):
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(_too_large(host, self.max_bytes), status=200)
                return self._fetched(url, response, bytes(body))
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(
                f"{host} did not answer within {self.timeout:g} s", transient=True
            ) from None
        except aiohttp.ClientConnectorDNSError:
            raise FetchError(
                f"cannot reach {host}: the name does not resolve (no network, or no such site)",
                transient=True,
            ) from None
        except aiohttp.ClientConnectorCertificateError:
            raise FetchError(f"{host}: its TLS certificate is not valid") from None
        except aiohttp.ClientSSLError:
            raise FetchError(f"{host}: the TLS connection failed") from None
        except aiohttp.ClientConnectorError as exc:
            reason = exc.os_error.strerror or type(exc.os_error).__name__
            raise FetchError(f"cannot connect to {host}: {reason}", transient=True) from None
        except aiohttp.InvalidURL:
            raise FetchError(f"not a valid link: {_short(url)}") from None
        except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError):
            raise FetchError(f"{host} broke off the connection", transient=True) from None
        except aiohttp.ClientResponseError as exc:
            raise FetchError(f"{host} sent a malformed answer ({exc.message})") from None
        except aiohttp.ClientError as exc:
            raise FetchError(f"fetching from {host} failed: {type(exc).__name__}") from None
        except OSError as exc:
            raise FetchError(
                f"cannot connect to {host}: {exc.strerror or exc}", transient=True
            ) from None

    @staticmethod
    def _fetched(url: str, response: aiohttp.ClientResponse, body: bytes) -> Fetched:
        media = response.content_type.lower() if "Content-Type" in response.headers else ""
        return Fetched(
            url=url,
            status=response.status,
            body=body,
            content_type=media,
            charset=response.charset,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )


_ACCEPT: dict[Kind, str] = {
    "page": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
    "feed": (
        "application/rss+xml,application/atom+xml,application/feed+json;q=0.9,"
        "application/xml;q=0.8,text/xml;q=0.8,application/json;q=0.7"
    ),
}


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _too_large(host: str, limit: int) -> str:
    return f"{host} sent more than {limit // (1024 * 1024)} MB: refused"


def _status_line(host: str, status: int) -> str:
    if status == 404:
        return f"{host} says the page is not there (HTTP 404)"
    if status == 410:
        return f"{host} says the page is gone for good (HTTP 410)"
    if status in (401, 403):
        return f"{host} refused access (HTTP {status}): a paywall or login?"
    if status == 429:
        return f"{host} is rate-limiting us (HTTP 429); try again later"
    if status >= 500:
        return f"{host} had a server error (HTTP {status}); try again later"
    return f"{host} answered HTTP {status}"
