"""The analyst's page in a real headless chromium, on the real app with the seeds ingested.

Every test compares what the page shows with what the API answers for the same filter, and
saves a screenshot in its tmp_path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx

from tests.web.conftest import PHONE, Server

INCIDENTS_PROBE = "/incidents?limit=1"  # the page asks whether incidents exist yet


def located(events: list[dict[str, Any]]) -> int:
    return sum(1 for e in events if e.get("location") and e["location"].get("lat") is not None)


def assert_offline(tab: Any) -> None:
    assert tab.outside == [], f"requests outside the app: {tab.outside}"
    assert tab.errors == [], f"errors in the page: {tab.errors}"


# Every visible text's colour against the background it is drawn on (the first opaque one up its
# ancestors, translucent ones composited over white): WCAG 2 contrast, 4.5:1 (3:1 for large text);
# disabled controls (Leaflet's zoom button at the last zoom) are exempt, as WCAG says.
_LOW_CONTRAST = """() => {
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
      if (a > 0) return [r, g, b].map((v) => v * a + 255 * (1 - a));
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.checkVisibility?.() || el.closest(".visually-hidden")) continue;
    if (el.closest("[disabled], .leaflet-disabled")) continue; // inactive controls are exempt
    const style = getComputedStyle(el);
    const [l1, l2] = [lum(rgb(style.color)), lum(background(el))].sort((x, y) => y - x);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && style.fontWeight >= 700);
    const text = el.textContent.trim().slice(0, 30);
    if (ratio < (large ? 3 : 4.5)) low.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${text}"`);
  }
  return low;
}"""

_UNLABELLED = (
    "els => els.filter(e => e.checkVisibility() && !(e.labels?.length || e.getAttribute('aria-label')"
    " || e.textContent.trim() || e.getAttribute('aria-labelledby'))).map(e => e.outerHTML.slice(0, 80))"
)


def assert_accessible(page: Any) -> None:
    """Every visible control has a name, and every visible text enough contrast."""
    assert page.eval_on_selector_all("input, select, textarea, button, [tabindex]", _UNLABELLED) == []
    assert page.evaluate(_LOW_CONTRAST) == []


def test_the_page_shows_the_seeds_on_the_map_and_the_timeline_without_leaving_the_app(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    events = server.all_events()
    tab = visit()
    page = tab.open("/")
    page.wait_for_function("document.querySelector('.leaflet-pane[data-countries]') !== null")
    assert int(tab.data("#map", "points")) == located(events)
    assert int(tab.data("#timeline", "total")) == sum(1 for e in events if e.get("occurred"))
    assert page.locator("#result-list li").count() == len(events)
    assert int(page.eval_on_selector(".leaflet-pane[data-countries]", "e => e.dataset.countries")) > 100
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "page-1280x800.png"))
    assert_offline(tab)


def test_filtering_by_type_and_date_changes_the_map_timeline_and_list(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    tab = visit()
    page = tab.open("/")
    before = tab.renders()
    page.get_by_role("checkbox", name="OffensiveLaunched").check()
    tab.wait_rerender(before)
    offensives = server.all_events(type="OffensiveLaunched")
    assert 0 < len(offensives) < len(server.all_events())
    assert int(tab.data("#map", "points")) == located(offensives)
    bar_types = set(page.eval_on_selector_all("#timeline rect[data-type]", "rs => rs.map(r => r.dataset.type)"))
    assert bar_types == {"OffensiveLaunched"}

    dates = sorted(e["occurred"]["start"] for e in offensives if e.get("occurred"))
    since = dates[len(dates) // 2]
    before = tab.renders()
    page.get_by_label("From", exact=True).fill(since)
    page.get_by_label("From", exact=True).dispatch_event("change")
    tab.wait_rerender(before)
    expected = server.all_events(type="OffensiveLaunched", **{"from": since})
    assert 0 < len(expected) < len(offensives)
    assert int(page.eval_on_selector("#result-list", "e => e.dataset.count")) == len(expected)
    assert int(tab.data("#map", "points")) == located(expected)
    query = parse_qs(urlparse(page.url).query)
    assert query["type"] == ["OffensiveLaunched"] and query["from"] == [since]
    export = page.get_attribute("#export-csv", "href")
    assert export is not None
    csv = httpx.get(server.base + export, timeout=10).text.splitlines()
    assert len(csv) - 1 == len(expected)  # the export is the filter the page shows
    page.screenshot(path=str(tmp_path / "filtered.png"))
    assert_offline(tab)


def test_brushing_the_timeline_filters_the_map_and_list_by_the_range(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    tab = visit()
    page = tab.open("/")
    box = page.locator("#timeline .overlay").bounding_box()
    assert box is not None
    before = tab.renders()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.up()
    tab.wait_rerender(before)
    query = parse_qs(urlparse(page.url).query)
    since, until = query["from"][0], query["to"][0]
    assert page.get_by_label("From", exact=True).input_value() == since
    assert page.get_by_label("To", exact=True).input_value() == until
    expected = server.all_events(**{"from": since, "to": until})
    assert 0 < len(expected) < len(server.all_events())
    assert int(page.eval_on_selector("#result-list", "e => e.dataset.count")) == len(expected)
    assert int(tab.data("#map", "points")) == located(expected)

    before = tab.renders()
    page.locator("#timeline .overlay").focus()
    page.keyboard.press("ArrowRight")  # the keyboard moves the range by one bar
    tab.wait_rerender(before)
    assert parse_qs(urlparse(page.url).query)["from"][0] > since
    page.screenshot(path=str(tmp_path / "brushed.png"))
    assert_offline(tab)


def test_opening_an_event_shows_its_article_with_the_evidence_highlighted(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    tab = visit()
    page = tab.open("/")
    first = page.locator("#result-list button").first
    event_id = first.get_attribute("data-id")
    first.focus()
    page.keyboard.press("Enter")  # the list is the keyboard's way to every point on the map
    page.wait_for_selector("#detail[data-state=ready]")
    event = server.get(f"/events/{event_id}")
    article = server.get(f"/articles/{event['article_id']}")
    mark = page.locator("#evidence")
    assert mark.inner_text() == event["evidence"]["text"]
    assert mark.get_attribute("data-by") == "offsets"
    assert article["text"][event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["text"]
    assert mark.is_visible()
    roles = page.locator("#detail-body tbody tr").all_inner_texts()
    assert len(roles) == len(event["actors"])
    for actor, row in zip(event["actors"], roles, strict=True):
        assert actor["code"] in row and actor["role"].replace("_", " ") in row
    assert f"{round(event['confidence'] * 100)} %" in page.inner_text("#detail-body")
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "detail.png"))
    page.keyboard.press("Escape")
    page.wait_for_selector("#detail", state="hidden")
    assert page.evaluate("document.activeElement.dataset.id") == event_id  # focus back on its row
    assert_offline(tab)


def test_a_shared_url_opens_the_same_view(visit: Any, server: Server, tmp_path: Path) -> None:
    first = visit()
    page = first.open("/")
    page.get_by_role("checkbox", name="TalksHeld").check()
    page.get_by_label("Timeline per").select_option("month")
    first.wait_ready()
    page.wait_for_function("new URL(location.href).searchParams.get('interval') === 'month'")
    page.locator("#result-list button").first.click()
    page.wait_for_selector("#detail[data-state=ready]")
    shared = page.url
    listed = page.eval_on_selector_all("#result-list button", "bs => bs.map(b => b.dataset.id)")

    second = visit()
    other = second.page
    other.goto(shared)
    second.wait_ready()
    other.wait_for_selector("#detail[data-state=ready]")
    assert other.get_by_role("checkbox", name="TalksHeld").is_checked()
    assert other.get_by_label("Timeline per").input_value() == "month"
    assert other.eval_on_selector_all("#result-list button", "bs => bs.map(b => b.dataset.id)") == listed
    assert other.inner_text("#evidence") == page.inner_text("#evidence")
    assert second.data("#timeline", "bars") == first.data("#timeline", "bars")
    other.screenshot(path=str(tmp_path / "shared.png"))
    assert_offline(first)
    assert_offline(second)


def test_the_page_is_usable_at_phone_width(visit: Any, tmp_path: Path) -> None:
    tab = visit(PHONE)
    page = tab.open("/")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert page.locator("#map").bounding_box()["width"] <= PHONE["width"]
    page.locator("#filters-box > summary").click()  # the filters fold away on a phone
    assert page.get_by_label("Actor code").is_visible()
    page.locator("#result-list button").first.click()
    page.wait_for_selector("#detail[data-state=ready]")
    assert page.locator("#detail").bounding_box()["width"] <= PHONE["width"]
    assert_accessible(page)
    tools = page.locator(".map-tools").bounding_box()
    assert tools is not None and tools["x"] + tools["width"] <= PHONE["width"]
    page.screenshot(path=str(tmp_path / "page-390x844.png"), full_page=True)
    assert_offline(tab)


def test_a_newly_ingested_article_appears_without_reloading(visit: Any, server: Server, tmp_path: Path) -> None:
    tab = visit()
    page = tab.open("/")
    page.wait_for_function("document.body.dataset.live === 'connected'")
    count = len(server.all_events())
    sentence = (
        "The foreign ministers of Norway and Chile held talks in Oslo on Tuesday about the end of the war, "
        "their spokesmen said."
    )
    text = f"Talks in Oslo \U0001f54a\n\n{sentence}\n"  # the dove: one code point, two UTF-16 units
    key = server.api_key()
    reply = httpx.post(
        f"{server.base}/articles",
        json={"title": "Talks in Oslo", "text": text, "published_at": "2017-03-08",
              "source": "a test", "language": "en"},
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    )  # fmt: skip
    assert reply.status_code == 201, reply.text
    assert reply.json()["events"], "the test article should yield an event"
    new = page.locator("#result-list li.new")
    new.first.wait_for(timeout=10_000)
    assert sentence in new.first.inner_text()
    assert "1 new event" in page.inner_text("#live")
    assert int(page.eval_on_selector("#result-list", "e => e.dataset.count")) == count + 1
    new.first.locator("button").click()
    page.wait_for_selector("#detail[data-state=ready]")
    assert page.inner_text("#evidence") == sentence
    assert page.get_attribute("#evidence", "data-by") == "offsets"
    page.screenshot(path=str(tmp_path / "live.png"))
    assert_offline(tab)


def test_a_new_incident_appears_in_the_incidents_view_without_reloading(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    tab = visit()
    page = tab.open("/?view=incidents")
    page.wait_for_function("document.body.dataset.live === 'connected'")
    count = int(tab.data("#result-list", "count"))
    assert count == server.get("/incidents", limit=1)["total"]
    sentence = (
        "The foreign ministers of Austria and Peru held talks in Vienna on Monday about the end of the war, "
        "their spokesmen said."
    )
    reply = httpx.post(
        f"{server.base}/articles",
        json={"title": "Talks in Vienna", "text": f"Talks in Vienna\n\n{sentence}\n", "published_at": "2019-06-04",
              "source": "another test", "language": "en"},
        headers={"Authorization": f"Bearer {server.api_key()}"},
        timeout=30,
    )  # fmt: skip
    assert reply.status_code == 201, reply.text
    new = page.locator("#result-list li.new")
    new.first.wait_for(timeout=10_000)
    assert "Vienna (AT)" in new.first.inner_text()
    assert int(tab.data("#result-list", "count")) == count + 1 == server.get("/incidents", limit=1)["total"]
    new.first.locator("button").click()
    page.wait_for_selector("#detail[data-state=ready]")
    assert sentence in page.inner_text("#detail-body .reports")
    page.screenshot(path=str(tmp_path / "live-incident.png"))
    assert_offline(tab)


def test_the_api_docs_page_loads_offline(visit: Any, tmp_path: Path) -> None:
    tab = visit()
    page = tab.page
    page.goto(f"{tab.base}/schema")
    page.wait_for_selector(".swagger-ui .opblock", timeout=10_000)
    assert page.locator(".opblock-summary-path", has_text="/events").count() >= 1
    page.screenshot(path=str(tmp_path / "schema.png"))
    assert_offline(tab)


def test_actor_country_confidence_text_and_map_box_filter_as_the_api_does(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    tab = visit()
    page = tab.open("/?actor=RUS&min_confidence=0.8")
    expected = server.all_events(actor="RUS", min_confidence="0.8")
    assert 0 < len(expected) < len(server.all_events())
    assert int(page.eval_on_selector("#result-list", "e => e.dataset.count")) == len(expected)
    assert page.get_by_label("Actor code").input_value() == "RUS"

    before = tab.renders()
    page.get_by_label("Country (ISO code)").fill("syr")
    page.get_by_label("Country (ISO code)").dispatch_event("change")
    tab.wait_rerender(before)
    expected = server.all_events(actor="RUS", min_confidence="0.8", country="syr")
    assert int(page.eval_on_selector("#result-list", "e => e.dataset.count")) == len(expected)

    word = expected[0]["evidence"]["text"].split()[-1].strip(".,")
    before = tab.renders()
    page.get_by_label("Text in the evidence").fill(word)
    tab.wait_rerender(before)
    matching = server.all_events(actor="RUS", min_confidence="0.8", country="syr", q=word)
    assert 0 < len(matching) <= len(expected)
    assert int(page.eval_on_selector("#result-list", "e => e.dataset.count")) == len(matching)

    page.goto(f"{server.base}/")
    tab.wait_ready()
    before = tab.renders()
    page.get_by_label("Only what the map shows").check()
    tab.wait_rerender(before)
    bbox = parse_qs(urlparse(page.url).query)["bbox"][0]
    assert int(page.eval_on_selector("#result-list", "e => e.dataset.count")) == len(server.all_events(bbox=bbox))
    page.screenshot(path=str(tmp_path / "filters.png"))
    assert_offline(tab)


def test_the_incidents_view_shows_each_incident_with_its_reports(visit: Any, server: Server, tmp_path: Path) -> None:
    incidents = server.get("/incidents", limit=500)["items"]
    tab = visit()
    page = tab.open("/")
    page.wait_for_selector("#view-field:not([hidden])")  # offered once /incidents answers
    before = tab.renders()
    page.get_by_label("incidents").check()
    tab.wait_rerender(before)
    assert parse_qs(urlparse(page.url).query)["view"] == ["incidents"]
    assert page.inner_text("#results-title") == "Incidents"
    assert int(tab.data("#result-list", "count")) == len(incidents)
    assert int(tab.data("#map", "points")) == sum(1 for i in incidents if (i.get("place") or {}).get("lat") is not None)
    assert page.get_by_label("Minimum sources").is_visible()
    assert not page.get_by_label("Text in the evidence").is_visible()  # /incidents has no text filter

    before = tab.renders()
    page.get_by_label("Minimum sources").fill("2")
    page.get_by_label("Minimum sources").dispatch_event("change")
    tab.wait_rerender(before)
    corroborated = server.get("/incidents", min_sources=2)["items"]
    assert 0 < len(corroborated) < len(incidents)
    assert int(tab.data("#result-list", "count")) == len(corroborated)
    export = page.get_attribute("#export-csv", "href")
    assert export is not None and "collapse=incident" in export
    assert httpx.get(server.base + export, timeout=10).status_code == 200

    incident = corroborated[0]
    page.locator(f"#result-list button[data-id='{incident['id']}']").click()
    page.wait_for_selector("#detail[data-state=ready]")
    assert parse_qs(urlparse(page.url).query)["incident"] == [incident["id"]]
    reports = page.locator("#detail-body .reports > li")
    assert [reports.nth(i).get_attribute("data-id") for i in range(reports.count())] == incident["event_ids"]
    detail = page.inner_text("#detail-body")
    assert all(outlet in detail for outlet in incident["outlets"])
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "incident.png"))

    first_report = server.get(f"/events/{incident['event_ids'][0]}")
    reports.first.get_by_role("button").click()  # a report opens as an event, evidence marked
    page.wait_for_function(f"new URL(location.href).searchParams.get('event') === '{first_report['id']}'")
    page.wait_for_selector("#detail[data-state=ready] #evidence")
    assert page.inner_text("#evidence") == first_report["evidence"]["text"]
    assert "view" not in parse_qs(urlparse(page.url).query)
    assert_offline(tab)


def test_a_box_drawn_on_the_map_filters_and_stays_when_the_map_moves(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    total = len(server.all_events())
    tab = visit()
    page = tab.open("/")
    clusters = page.locator(".leaflet-marker-icon.cluster")
    clusters.first.wait_for()
    biggest = max(clusters.all(), key=lambda c: int(c.inner_text()))
    box = biggest.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.get_by_role("button", name="Draw a box").click()
    assert page.get_by_role("button", name="Draw a box").get_attribute("aria-pressed") == "true"
    before = tab.renders()
    page.mouse.move(x - 40, y - 40)
    page.mouse.down()
    page.mouse.move(x + 40, y + 40, steps=6)
    page.mouse.up()
    tab.wait_rerender(before)
    query = parse_qs(urlparse(page.url).query)
    bbox = query["bbox"][0]
    assert query["box"] == ["drawn"]
    inside = server.all_events(bbox=bbox)
    assert 0 < len(inside) < total
    assert int(tab.data("#result-list", "count")) == len(inside)
    assert tab.data("#map", "box") == bbox
    assert page.get_by_label("Only what the map shows").is_checked()
    page.screenshot(path=str(tmp_path / "drawn.png"))

    map_box = page.locator("#map").bounding_box()
    assert map_box is not None
    page.mouse.move(map_box["x"] + 60, map_box["y"] + map_box["height"] - 60)
    page.mouse.down()  # drawing is over: this pans the map
    page.mouse.move(map_box["x"] + 160, map_box["y"] + map_box["height"] - 120, steps=5)
    page.mouse.up()
    page.keyboard.press("Escape")
    assert parse_qs(urlparse(page.url).query)["bbox"] == [bbox]
    assert int(tab.data("#result-list", "count")) == len(inside)

    shared = visit()
    other = shared.open(page.url.split(server.base, 1)[1])
    assert shared.data("#map", "box") == bbox
    assert int(shared.data("#result-list", "count")) == len(inside)
    before = shared.renders()
    other.get_by_role("button", name="Clear the box").click()
    shared.wait_rerender(before)
    assert "bbox" not in parse_qs(urlparse(other.url).query)
    assert int(shared.data("#result-list", "count")) == total
    assert_offline(tab)
    assert_offline(shared)
