"""Review from the page (web/js/review.js): with a key that has the review scope, an analyst
confirms, rejects or corrects an event from its detail through POST /events/{id}/review; the
page shows the decision, the history and the list as the API then answers them.

These tests record decisions, so they have a server (and seeds) of their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.conftest import Server, Visit
from tests.web.test_page import assert_accessible, assert_offline


def open_event(visit: Any, server: Server, event_id: str, key: str | None) -> Visit:
    """The event's detail from a shared URL, with `key` entered in the filters' key field."""
    tab: Visit = visit()
    page = tab.open(f"/?event={event_id}")
    page.wait_for_selector("#detail[data-state=ready]")
    if key is not None:
        page.get_by_role("button", name="enter a key").click()  # opens the key field and focuses it
        assert page.evaluate("document.activeElement.id") == "f-key"
        page.keyboard.type(key)
        page.keyboard.press("Tab")  # the key counts once the field is left (its change event)
        page.wait_for_selector("#review-confirm")
    return tab


def recorded(tab: Visit) -> None:
    tab.page.wait_for_function("document.querySelector('#review-result')?.textContent.startsWith('Recorded')")
    tab.wait_ready()


def test_confirming_an_event_shows_the_decision_its_history_and_the_list(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    event = server.all_events()[0]
    tab = open_event(visit, server, event["id"], server.api_key("review", name="ana"))
    page = tab.page
    assert page.inner_text("#review-status") == "unreviewed"
    page.get_by_role("button", name="Confirm").click()
    recorded(tab)
    assert page.inner_text("#review-status") == "confirmed"
    steps = page.locator(".history li").all_inner_texts()
    assert [s.split(" ·")[0] for s in steps] == ["extracted", "confirmed by ana"]
    assert server.get(f"/events/{event['id']}")["review_status"] == "confirmed"
    history = server.get(f"/events/{event['id']}/history")
    assert [s["step"] for s in history["steps"]] == ["extracted", "confirmed"]
    page.get_by_role("button", name="Close the detail").click()
    row = page.locator(f"#result-list button[data-id='{event['id']}']")
    assert "confirmed" in row.inner_text()
    page.screenshot(path=str(tmp_path / "confirmed.png"))
    assert_offline(tab)


def test_rejecting_an_event_with_a_reason_takes_it_off_the_list_and_map(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    events = server.all_events()
    event = events[1]
    tab = open_event(visit, server, event["id"], server.api_key("review", name="ben"))
    page = tab.page
    page.locator("#detail summary", has_text="Reject").click()
    page.get_by_label("Why it is wrong").fill("a football match, not an offensive")
    before = tab.renders()
    page.get_by_role("button", name="Reject", exact=True).click()
    recorded(tab)
    tab.wait_rerender(before)
    assert page.inner_text("#review-status") == "rejected"
    assert "a football match, not an offensive" in page.inner_text(".history")
    remaining = server.all_events()
    assert len(remaining) == len(events) - 1 and event["id"] not in {e["id"] for e in remaining}
    assert int(tab.data("#result-list", "count")) == len(remaining)
    assert page.locator(f"#result-list button[data-id='{event['id']}']").count() == 0
    page.screenshot(path=str(tmp_path / "rejected.png"))

    page.get_by_label("Review status").select_option("rejected")  # and the filter finds it again
    page.wait_for_function(f"document.querySelector(\"#result-list button[data-id='{event['id']}']\") !== null")
    assert int(tab.data("#result-list", "count")) == len(server.all_events(review_status="rejected"))
    assert_offline(tab)


def test_correcting_an_events_place_moves_it_on_the_map_and_in_the_list(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    event = next(e for e in server.all_events()[2:] if (e.get("location") or {}).get("name") != "Manbij")
    tab = open_event(visit, server, event["id"], server.api_key("review", name="cem"))
    page = tab.page
    page.locator("#detail summary", has_text="Correct").click()
    assert_accessible(page)  # the correction form's fields are labelled and legible
    page.get_by_label("Place", exact=True).fill("Manbij")
    page.get_by_label("Country (ISO alpha-2)").fill("SY")
    page.get_by_label("Latitude").fill("36.5281")
    page.get_by_label("Longitude").fill("37.9549")
    page.get_by_role("button", name="Save the correction").click()
    recorded(tab)
    assert page.inner_text("#review-status") == "corrected"
    assert "Manbij (SY)" in page.inner_text("#detail-body dl")
    assert "corrected by cem: location" in page.inner_text(".history")
    stored = server.get(f"/events/{event['id']}")
    assert stored["location"]["name"] == "Manbij" and stored["review_status"] == "corrected"
    assert stored["type"] == event["type"] and stored["occurred"] == event["occurred"]  # only the place sent
    page.get_by_role("button", name="Close the detail").click()
    page.wait_for_function(
        f"document.querySelector(\"#result-list button[data-id='{event['id']}']\")?.textContent.includes('Manbij')"
    )
    page.screenshot(path=str(tmp_path / "corrected.png"))
    assert_offline(tab)


def test_without_a_key_or_without_the_review_scope_nothing_is_decided(
    visit: Any, server: Server, tmp_path: Path
) -> None:
    event = server.all_events()[-1]
    tab = open_event(visit, server, event["id"], None)
    page = tab.page
    assert page.locator("#review-confirm").count() == 0
    assert "enter a key" in page.inner_text(".review")

    tab = open_event(visit, server, event["id"], server.api_key("ingest", name="robot"))
    page = tab.page
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_selector("#review-result.failed")
    assert "403" in page.inner_text("#review-result") and "review" in page.inner_text("#review-result")
    assert server.get(f"/events/{event['id']}")["review_status"] == "unreviewed"
    page.screenshot(path=str(tmp_path / "refused.png"))
    assert tab.outside == []
