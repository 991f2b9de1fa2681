"""The incidents view over more incidents than one /incidents page (web/js/api.js getIncidents:
the first page drawn while two walks, from the newest and from the oldest, fetch the rest until
they meet). Its own server: the synthetic incidents added here would change the other modules'.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.conftest import Server, _run_apart, fill_incidents
from tests.web.test_page import assert_offline

SYNTHETIC = 1_100  # the seeds' incidents and these: three pages of 500


def every_incident(server: Server, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = server.get("/incidents", limit=500, **params, **({"cursor": cursor} if cursor else {}))
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def test_the_incidents_view_draws_every_incident_of_every_page_once(visit: Any, server: Server, tmp_path: Path) -> None:
    _run_apart(fill_incidents(server.database_url, SYNTHETIC))
    incidents = every_incident(server)
    assert len(incidents) > 2 * 500 and len({i["id"] for i in incidents}) == len(incidents)
    tab = visit()
    page = tab.open("/?view=incidents")
    assert int(tab.data("#result-list", "count")) == len(incidents)
    assert int(tab.data("#map", "points")) == sum(1 for i in incidents if (i.get("place") or {}).get("lat") is not None)
    assert int(tab.data("#timeline", "total")) == sum(1 for i in incidents if i.get("occurred"))
    assert page.locator("#result-list li").count() == 200  # the list shows the latest 200; the rest on the map
    page.screenshot(path=str(tmp_path / "incidents-pages.png"))

    before = tab.renders()
    page.get_by_role("checkbox", name="TalksHeld").check()
    tab.wait_rerender(before)
    talks = every_incident(server, type="TalksHeld")
    assert 0 < len(talks) < len(incidents)
    assert int(tab.data("#result-list", "count")) == len(talks)
    assert_offline(tab)
