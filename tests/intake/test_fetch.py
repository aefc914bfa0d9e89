"""Safe fetching: only public http(s) addresses, checked after DNS and on every redirect;
bounded size, time and redirects; every failure one clear line.

The local site runs on 127.0.0.1, so these fetchers exempt exactly that address and refuse
every other private one: the guard under test is the real one. No test ever connects to an
address other than 127.0.0.1: refused addresses are refused before any connection.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.errors import FetchError
from bot.intake import fetch as fetch_module
from bot.intake.fetch import Fetcher, address_refusal
from tests.intake.site import NewsSite, huge, slow

TIMEOUT = 1.5


class FakeDNS(AbstractResolver):
    """A resolver answering from a table (a list per name: one answer per lookup, the last
    repeating), so tests can name hosts without any real DNS; unknown names do not resolve."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.lookups: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.lookups.append(host)
        answers = self.table.get(host)
        if not answers:
            raise OSError(socket.EAI_NONAME, "Name or service not known")
        address = answers.pop(0) if len(answers) > 1 else answers[0]
        fam = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [{"hostname": host, "host": address, "port": port, "family": fam, "proto": 0,
                 "flags": socket.AI_NUMERICHOST}]  # fmt: skip

    async def close(self) -> None:
        return None


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    opened = Fetcher(exempt=["127.0.0.1"], timeout=TIMEOUT, host_interval=0)
    yield opened
    await opened.aclose()


def _redirect(to: str, status: int = 302) -> web.Response:
    return web.Response(status=status, headers={"Location": to})


async def test_page_is_fetched_with_a_descriptive_user_agent(
    site: NewsSite, fetcher: Fetcher
) -> None:
    """A good page comes back whole, and the site saw who asked."""
    site.page("/ok", "<html><body><p>hello</p></body></html>")
    got = await fetcher.get(site.url("/ok"))
    assert got.status == 200 and b"hello" in got.body
    assert got.content_type == "text/html"
    assert "Pitwall/" in site.headers_seen["/ok"]["User-Agent"]


@pytest.mark.parametrize(
    ("status", "line"),
    [
        (404, "says the page is not there (HTTP 404)"),
        (410, "says the page is gone for good (HTTP 410)"),
        (500, "had a server error (HTTP 500); try again later"),
    ],
)
async def test_http_errors_are_one_clear_line(
    site: NewsSite, fetcher: Fetcher, status: int, line: str
) -> None:
    site.page("/e", "oops", status=status)
    with pytest.raises(FetchError) as err:
        await fetcher.get(site.url("/e"))
    assert str(err.value) == f"127.0.0.1 {line}"
    assert err.value.status == status
    assert err.value.transient is (status >= 500)


async def test_slow_server_times_out(site: NewsSite, fetcher: Fetcher) -> None:
    site.route("/slow", slow)
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1 did not answer within 1\.5 s$") as err:
        await fetcher.get(site.url("/slow"))
    assert err.value.transient


async def test_twenty_megabyte_page_is_refused_while_streaming(
    site: NewsSite, fetcher: Fetcher
) -> None:
    """No Content-Length: the body is cut off at 5 MB, not read to the end."""
    site.route("/huge", huge)
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1 sent more than 5 MB: refused$"):
        await fetcher.get(site.url("/huge"))


async def test_declared_oversize_is_refused_before_reading(
    site: NewsSite, fetcher: Fetcher
) -> None:
    site.page("/big", b"x" * (5 * 1024 * 1024 + 1))
    with pytest.raises(FetchError, match="more than 5 MB"):
        await fetcher.get(site.url("/big"))


@pytest.mark.parametrize("media", ["image/png", "application/pdf", "video/mp4"])
async def test_wrong_content_type_is_refused_by_name(
    site: NewsSite, fetcher: Fetcher, media: str
) -> None:
    site.page("/thing", b"\x89PNG...", content_type=media)
    with pytest.raises(FetchError, match=f"^127.0.0.1 sent {media}, not a web page$"):
        await fetcher.get(site.url("/thing"))


async def test_page_type_is_refused_where_a_feed_is_expected(
    site: NewsSite, fetcher: Fetcher
) -> None:
    site.page("/pic", b"...", content_type="image/jpeg")
    with pytest.raises(FetchError, match="not a news feed"):
        await fetcher.get(site.url("/pic"), "feed")


async def test_redirects_are_followed_and_the_final_url_kept(
    site: NewsSite, fetcher: Fetcher
) -> None:
    site.page("/final", "<p>here</p>")

    async def hop(request: web.Request) -> web.Response:
        return _redirect("/final", 301)

    site.route("/moved", hop)
    got = await fetcher.get(site.url("/moved"))
    assert got.url == site.url("/final")


async def test_redirect_loop_is_refused(site: NewsSite, fetcher: Fetcher) -> None:
    async def a(request: web.Request) -> web.Response:
        return _redirect("/b")

    async def b(request: web.Request) -> web.Response:
        return _redirect("/a")

    site.route("/a", a)
    site.route("/b", b)
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1 redirects in a loop$"):
        await fetcher.get(site.url("/a"))
    assert site.hits["/a"] == 1 and site.hits["/b"] == 1


async def test_more_than_five_redirects_are_refused(site: NewsSite, fetcher: Fetcher) -> None:
    async def chain(request: web.Request) -> web.Response:
        n = int(request.path.rsplit("/", 1)[1])
        return _redirect(f"/r/{n + 1}")

    for n in range(10):
        site.route(f"/r/{n}", chain)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        await fetcher.get(site.url("/r/0"))
    assert sum(site.hits.values()) == 6  # the first request and five redirects, no more


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://10.0.0.1/admin", "10.0.0.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata"),
        ("http://[fd00:ec2::254]/latest/meta-data/", "fd00:ec2::254 is a cloud metadata"),
        ("http://[::1]:9/", "::1 is a loopback address"),
        ("http://127.0.0.2:9/", "127.0.0.2 is a loopback address"),
        ("http://192.168.1.1/", "192.168.1.1 is a private address"),
        ("http://0.0.0.0:9/", "0.0.0.0 is"),
    ],
)
async def test_redirect_to_a_private_address_is_refused_before_connecting(
    site: NewsSite, fetcher: Fetcher, target: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard runs on every hop: the refusal names the address, and only the first
    request (to the exempt test site) was ever made."""

    async def bounce(request: web.Request) -> web.Response:
        return _redirect(target)

    site.route("/bounce", bounce)
    made: list[str] = []
    original = Fetcher._once

    async def counting(self: Fetcher, url: str, *args: object) -> object:
        made.append(url)
        return await original(self, url, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Fetcher, "_once", counting)
    with pytest.raises(FetchError, match=f"refused: {reason}"):
        await fetcher.get(site.url("/bounce"))
    assert made == [site.url("/bounce")]


async def test_name_resolving_to_metadata_is_refused_at_resolution(site: NewsSite) -> None:
    """A redirect to a host name is checked after DNS: the name resolves to the metadata
    address, and the resolver refuses it inside the connector, so no socket is opened."""

    async def bounce(request: web.Request) -> web.Response:
        return _redirect("http://metadata.test/latest/meta-data/iam")

    site.route("/bounce", bounce)
    dns = FakeDNS({"metadata.test": ["169.254.169.254"]})
    fetcher = Fetcher(exempt=["127.0.0.1"], timeout=TIMEOUT, host_interval=0, resolver=dns)
    try:
        with pytest.raises(FetchError, match=r"metadata\.test resolves to a cloud metadata"):
            await fetcher.get(site.url("/bounce"))
    finally:
        await fetcher.aclose()
    assert dns.lookups == ["metadata.test"]


async def test_dns_rebinding_is_caught_on_the_next_connection(site: NewsSite) -> None:
    """A name that first resolves to the (allowed) site and then to a private address is
    refused the second time: every connection is resolved and vetted again, no stale cache."""
    site.page("/news", "<p>fine</p>")
    port = site.base.rsplit(":", 1)[1]
    dns = FakeDNS({"rebind.test": ["127.0.0.1", "10.1.2.3"]})
    fetcher = Fetcher(exempt=["127.0.0.1"], timeout=TIMEOUT, host_interval=0, resolver=dns)
    try:
        got = await fetcher.get(f"http://rebind.test:{port}/news")
        assert got.status == 200
        await fetcher.aclose()  # a fresh connection, as the next poll would make
        with pytest.raises(FetchError, match=r"rebind.test resolves to a private address"):
            await fetcher.get(f"http://rebind.test:{port}/news")
    finally:
        await fetcher.aclose()


async def test_private_addresses_are_refused_unless_allowed(site: NewsSite) -> None:
    """Without the exemption the test site itself is refused; PITWALL_ALLOW_PRIVATE_URLS
    (allow_private) lets it through."""
    site.page("/p", "<p>x</p>")
    strict = Fetcher(timeout=TIMEOUT, host_interval=0)
    relaxed = Fetcher(allow_private=True, timeout=TIMEOUT, host_interval=0)
    try:
        with pytest.raises(FetchError, match=r"127\.0\.0\.1 is a loopback address"):
            await strict.get(site.url("/p"))
        port = site.base.rsplit(":", 1)[1]
        with pytest.raises(FetchError, match="localhost resolves to a loopback address"):
            await strict.get(f"http://localhost:{port}/p")
        assert (await relaxed.get(site.url("/p"))).status == 200
    finally:
        await strict.aclose()
        await relaxed.aclose()
    assert site.hits.get("/p") == 1  # only the allowed fetch reached the server


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://files.example/a", "javascript:alert(1)", "gopher://x/",
     "http://user:secret@news.example/", "http:///nohost", "news.example/a"],
)  # fmt: skip
async def test_only_plain_http_and_https_links(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError) as err:
        await fetcher.get(url)
    assert "\n" not in str(err.value)


async def test_no_network_is_one_clear_line() -> None:
    """An offline machine: the name does not resolve, said in one line."""
    fetcher = Fetcher(timeout=TIMEOUT, host_interval=0, resolver=FakeDNS({}))
    try:
        with pytest.raises(FetchError) as err:
            await fetcher.get("https://www.formula1.example/latest")
    finally:
        await fetcher.aclose()
    assert str(err.value) == (
        "cannot reach www.formula1.example: the name does not resolve (no network, or no such site)"
    )
    assert err.value.transient


async def test_conditional_request_gets_not_modified(site: NewsSite, fetcher: Fetcher) -> None:
    async def feed(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        headers = {"ETag": '"v1"', "Last-Modified": "Sun, 07 Jul 2024"}
        return web.Response(text="<rss/>", content_type="application/rss+xml", headers=headers)

    site.route("/feed", feed)
    first = await fetcher.get(site.url("/feed"), "feed")
    assert first.etag == '"v1"' and first.last_modified == "Sun, 07 Jul 2024"
    again = await fetcher.get(site.url("/feed"), "feed", etag=first.etag,
                              last_modified=first.last_modified)  # fmt: skip
    assert again.not_modified and again.body == b""
    assert site.headers_seen["/feed"]["If-Modified-Since"] == "Sun, 07 Jul 2024"


async def test_one_host_is_asked_at_most_once_per_interval(
    site: NewsSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second request to the same host waits out the interval first."""
    site.page("/x", "<p>x</p>")
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(fetch_module.asyncio, "sleep", no_sleep)
    fetcher = Fetcher(exempt=["127.0.0.1"], timeout=TIMEOUT, host_interval=3.0,
                      clock=lambda: 1000.0)  # fmt: skip
    try:
        await fetcher.get(site.url("/x"))
        await fetcher.get(site.url("/x"))
    finally:
        await fetcher.aclose()
    assert waits == [3.0]


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("127.0.0.1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("10.20.30.40", "a private address"),
        ("172.16.5.4", "a private address"),
        ("192.168.0.10", "a private address"),
        ("fc00::1", "a private address"),
        ("169.254.10.10", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("100.100.100.200", "a cloud metadata address"),
        ("224.0.0.251", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("100.64.0.1", "a reserved address"),
        ("240.0.0.1", "a private address"),
    ],
)
def test_address_policy(address: str, refused: str | None) -> None:
    assert address_refusal(ipaddress.ip_address(address)) == refused
