// The analyst's page: filters (mirrored in the URL) -> one API fetch -> map, timeline and list;
// the date range and the map's box filter in the browser, so brushing and panning stay instant.

import { MAX_ITEMS, answers, apiKey, fetchItems, follow, getJSON, setApiKey } from "./api.js";
import { first } from "./boot.js";
import { showEvent, showIncident, typeTag, when, where } from "./detail.js";
import { createMap, fatalitiesRadius, sourcesRadius, COLOURS } from "./map.js";
import { TYPES, apiParams, exportURL, fromURL, inBbox, inDates, toURL } from "./state.js";
import { createTimeline } from "./timeline.js";

const LIST_MAX = 200;
const $ = (id) => document.getElementById(id);
const form = $("filters");
let state = fromURL(location.search);
let items = [];
let known = new Set();
let fresh = new Set();
let fetched = null; // the API query `items` answer
let loading = null;
let detailRequest = null;

const map = createMap($("map"), {
  onSelect: (item) => openItem(item.id),
  onView: (bbox) => {
    if (!$("f-bbox-on").checked || state.box === "drawn") return; // a drawn box stays where it was drawn
    state.bbox = bbox;
    history.replaceState(null, "", toURL(state));
    render();
  },
});
const timeline = createTimeline($("timeline"), {
  onBrush: (from, to) => {
    state.from = from;
    state.to = to;
    syncControls();
    navigate();
  },
});

function queryKey() {
  return `${state.view}?${apiParams(state, { dates: false, bbox: false })}`;
}

// Fetch what the filter (without dates and box) matches, unless already fetched. `minPosition`:
// the read waits until the read models have applied that log position (the page's own write).
async function load({ force = false, minPosition = "" } = {}) {
  const key = queryKey();
  if (!force && key === fetched) return render();
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  document.body.dataset.state = "loading";
  try {
    const early = !force && first.key === key && !fetched; // the fetch boot.js started
    const params = apiParams(state, { dates: false, bbox: false });
    if (minPosition) params.set("min_position", minPosition);
    // A fresh view draws the first page of incidents while the rest loads; a live refresh keeps
    // showing what it had until it has everything.
    const onFirst = (partial, total) => {
      if (loading !== controller || force) return;
      items = partial;
      render({ partial: total });
    };
    if (early) {
      first.onFirst = onFirst;
      if (first.partial) onFirst(first.partial.items, first.partial.total);
    }
    const next = await (early ? first.items : fetchItems(state.view, params, { signal: controller.signal, onFirst }));
    performance.mark("conflictdb:fetched");
    if (force) fresh = new Set(next.filter((i) => !known.has(i.id)).map((i) => i.id));
    else fresh = new Set();
    items = next;
    known = new Set(items.map((i) => i.id));
    fetched = key;
    hideError();
    fillCountries();
    render();
  } catch (error) {
    if (error.name !== "AbortError") showError(error.message);
  } finally {
    if (loading === controller) loading = null;
  }
}

function sortKey(item) {
  return item.occurred?.start || item.recorded_at || "";
}

// `partial`: only the first page is drawn yet, of this many.
function render({ partial = 0 } = {}) {
  const onTimeline = items.filter((i) => inBbox(i, state));
  const onMap = items.filter((i) => inDates(i, state));
  const listed = onMap.filter((i) => inBbox(i, state)).sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
  map.show(onMap, state.view === "incidents" ? sourcesRadius : fatalitiesRadius);
  performance.mark("conflictdb:map");
  timeline.update(onTimeline, state.interval, { from: state.from, to: state.to });
  performance.mark("conflictdb:timeline");
  renderList(listed);
  performance.mark("conflictdb:list");
  const noun = state.view === "incidents" ? "incidents" : "events";
  const located = onMap.filter((i) => i.location?.lat != null).length;
  const capped = items.length >= MAX_ITEMS ? ` (the latest ${MAX_ITEMS.toLocaleString("en")} recorded: narrow the filter for more)` : "";
  const loadingRest = partial ? ` · loading the rest: ${items.length.toLocaleString("en")} of ${partial.toLocaleString("en")} so far` : "";
  $("summary").textContent = `${listed.length} ${noun} match · ${located} on the map · ${items.length} before the date range and map box${capped}${loadingRest}`;
  $("brush-label").textContent = state.from || state.to ? `${state.from || "…"} to ${state.to || "…"}` : "All dates: drag across the bars to pick a range";
  $("brush-clear").hidden = !(state.from || state.to);
  for (const format of ["csv", "geojson"]) $(`export-${format}`).href = exportURL(state, format);
  $("export-note").hidden = state.view !== "incidents";
  document.body.dataset.state = partial ? "loading" : "ready";
  const mark = (name) => requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
  if (!partial && !performance.getEntriesByName("conflictdb:complete").length) mark("conflictdb:complete"); // all drawn
  if (!performance.getEntriesByName("conflictdb:painted").length) {
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark("conflictdb:painted"); // the first frame shown with the data
        map.refineBoundaries();
      }, 0),
    );
  }
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

function renderList(listed) {
  const list = $("result-list");
  $("results-title").textContent = state.view === "incidents" ? "Incidents" : "Events";
  const rows = listed.slice(0, LIST_MAX).map((item) => {
    const li = document.createElement("li");
    if (fresh.has(item.id)) li.className = "new";
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.id = item.id;
    if (item.id === (state.event || state.incident)) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => openItem(item.id));
    const meta = document.createElement("span");
    meta.className = "meta";
    meta.append(typeTag(item.type), ` ${when(item.occurred)} · ${where(item.location)}`);
    if (item.review_status && item.review_status !== "unreviewed") meta.append(` · ${item.review_status}`);
    if (item.needs_rereview) meta.append(" · needs re-review");
    const text = document.createElement("span");
    text.className = "ev";
    text.textContent = item.evidence?.text || describeSources(item);
    button.append(meta, text);
    li.append(button);
    return li;
  });
  list.replaceChildren(...rows);
  list.dataset.count = String(listed.length);
  const more = $("more");
  more.hidden = listed.length <= LIST_MAX;
  more.textContent = `Showing the latest ${LIST_MAX} of ${listed.length}: narrow the filter, or export it.`;
}

function describeSources(item) {
  const sources = typeof item.sources === "number" ? item.sources : item.sources?.articles;
  return sources != null ? `${sources} sources` : "";
}

async function openItem(id, { push = true } = {}) {
  if (state.view === "incidents") state.incident = id;
  else state.event = id;
  if (push) history.pushState(null, "", toURL(state));
  await showDetail();
}

// A reviewer's decision was recorded: show the event as it now stands, and the list and map
// once the read models have the decision (its history's last position).
async function onReviewed(verdict) {
  await showDetail({ notice: `Recorded: ${verdict}.`, decided: true });
  document.getElementById("review-result")?.scrollIntoView({ block: "nearest" });
  await load({ force: true, minPosition: $("detail-body").dataset.position });
}

function askForKey() {
  $("filters-box").open = true;
  document.querySelector("#filters .key").open = true;
  $("f-key").focus();
}

async function showDetail({ notice = "", decided = false } = {}) {
  const id = state.view === "incidents" ? state.incident : state.event;
  const panel = $("detail");
  detailRequest?.abort();
  if (!id) {
    showPanel(false);
    return;
  }
  const controller = new AbortController();
  detailRequest = controller;
  showPanel(true);
  panel.dataset.state = "loading";
  const review = { onReviewed, onAskKey: askForKey, notice };
  const options = { signal: controller.signal, onEvent: (eventId) => switchToEvent(eventId), review, decided };
  try {
    const shown = state.view === "incidents" ? showIncident : showEvent;
    map.highlight(await shown($("detail-body"), $("detail-title"), id, options));
    panel.dataset.state = "ready";
    panel.focus({ preventScroll: true });
    for (const b of document.querySelectorAll("#result-list button")) b.toggleAttribute("aria-current", b.dataset.id === id);
  } catch (error) {
    if (error.name !== "AbortError") {
      panel.dataset.state = "error";
      $("detail-body").textContent = error.message;
    }
  }
}

// The detail takes the list's place beside the map (on a phone it covers the screen).
function showPanel(open) {
  $("detail").hidden = !open;
  if (!open) map.highlight(null);
  document.querySelector(".side").classList.toggle("showing-detail", open);
  if (open) document.querySelector(".side").scrollTop = 0;
}

function switchToEvent(eventId) {
  if (state.view === "incidents") {
    state.view = "events";
    state.incident = "";
    syncControls();
    navigate();
  }
  openItem(eventId);
}

function closeDetail() {
  const id = state.view === "incidents" ? state.incident : state.event;
  state.event = "";
  state.incident = "";
  history.pushState(null, "", toURL(state));
  showPanel(false);
  const button = document.querySelector(`#result-list button[data-id="${CSS.escape(id)}"]`);
  (button || $("results")).focus();
}

// Controls <-> state
function buildTypeOptions() {
  const box = $("type-options");
  for (const type of TYPES) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.name = "type";
    input.value = type;
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = COLOURS[type];
    swatch.setAttribute("aria-hidden", "true");
    label.append(input, swatch, type);
    box.append(label);
  }
  const legend = $("legend");
  for (const type of TYPES) {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = COLOURS[type];
    li.append(swatch, type);
    legend.append(li);
  }
}

function syncControls() {
  for (const input of form.querySelectorAll("input[name=type]")) input.checked = state.type.includes(input.value);
  for (const input of form.querySelectorAll("input[name=view]")) input.checked = input.value === state.view;
  $("f-actor").value = state.actor;
  $("f-country").value = state.country;
  $("f-from").value = state.from;
  $("f-to").value = state.to;
  $("f-q").value = state.q;
  $("f-min-confidence").value = state.min_confidence || "0";
  $("min-confidence-out").textContent = state.min_confidence || "0";
  $("f-min-sources").value = state.min_sources;
  $("f-review-status").value = state.review_status;
  showViewFields();
  $("f-interval").value = state.interval;
  $("f-bbox-on").checked = Boolean(state.bbox);
  if (state.box === "drawn" && state.bbox) map.showBox(state.bbox);
  else map.clearBox();
  $("box-clear").hidden = !(state.box === "drawn" && state.bbox);
}

// Each view shows the filters its resource takes.
function showViewFields() {
  const incidents = state.view === "incidents";
  $("min-sources-field").hidden = !incidents;
  for (const id of ["q-field", "confidence-field", "review-status-field"]) $(id).hidden = incidents;
}

function readControls() {
  state.type = [...form.querySelectorAll("input[name=type]:checked")].map((i) => i.value);
  state.view = form.querySelector("input[name=view]:checked")?.value || "events";
  state.actor = $("f-actor").value.trim().toUpperCase();
  state.country = $("f-country").value.trim();
  state.from = $("f-from").value;
  state.to = $("f-to").value;
  state.q = $("f-q").value.trim();
  const confidence = Number($("f-min-confidence").value);
  state.min_confidence = confidence > 0 ? String(confidence) : "";
  state.min_sources = $("f-min-sources").value;
  state.review_status = $("f-review-status").value;
  state.interval = $("f-interval").value;
  state.bbox = $("f-bbox-on").checked ? state.bbox || map.bounds() : "";
  if (!state.bbox) state.box = "";
  $("min-confidence-out").textContent = state.min_confidence || "0";
  showViewFields();
  if (!state.bbox) map.clearBox();
  $("box-clear").hidden = !(state.box === "drawn" && state.bbox);
}

function navigate() {
  const next = toURL(state);
  if (next === location.search || (next === location.pathname && !location.search)) return; // nothing changed
  history.pushState(null, "", next);
  load();
}

let typing = null;
form.addEventListener("change", (event) => {
  if (event.target.id === "f-key") return;
  readControls();
  navigate();
});
$("f-q").addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    readControls();
    history.replaceState(null, "", toURL(state));
    load();
  }, 400);
});
$("f-min-confidence").addEventListener("input", (e) => ($("min-confidence-out").textContent = e.target.value));
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("reset", (event) => {
  event.preventDefault();
  const view = state.view;
  state = { ...fromURL(""), view };
  syncControls();
  navigate();
});
$("f-key").value = apiKey();
$("f-key").addEventListener("change", (e) => {
  setApiKey(e.target.value.trim());
  load({ force: true });
  if (!$("detail").hidden) showDetail(); // the review buttons come with a key
});
// A box drawn on the map filters by itself, wherever the map is moved afterwards.
$("draw-box").addEventListener("click", () => {
  const drawing = $("draw-box").getAttribute("aria-pressed") === "true";
  if (drawing) return stopDrawing();
  $("draw-box").setAttribute("aria-pressed", "true");
  $("map").dataset.drawing = "true";
  map.drawBox((bbox) => {
    stopDrawing();
    state.bbox = bbox;
    state.box = "drawn";
    syncControls();
    navigate();
  });
});
function stopDrawing() {
  map.stopDrawing();
  $("draw-box").setAttribute("aria-pressed", "false");
  delete $("map").dataset.drawing;
}
$("box-clear").addEventListener("click", () => {
  state.bbox = "";
  state.box = "";
  syncControls();
  navigate();
});
$("brush-clear").addEventListener("click", () => {
  state.from = "";
  state.to = "";
  syncControls();
  navigate();
});
$("detail-close").addEventListener("click", closeDetail);
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && $("map").dataset.drawing) return stopDrawing();
  if (event.key === "Escape" && !$("detail").hidden && !event.target.closest?.(".timeline")) closeDetail();
});
window.addEventListener("popstate", () => {
  state = fromURL(location.search);
  syncControls();
  load();
  showDetail();
});

async function fillActors() {
  try {
    const page = await getJSON("/actors?limit=500");
    $("actor-codes").replaceChildren(...page.items.map((a) => new Option(a.names?.[0] || a.code, a.code)));
  } catch {
    // the datalist is a convenience; typing a code still works
  }
}

function fillCountries() {
  const list = $("country-codes");
  if (list.children.length) return;
  const codes = [...new Set(items.map((i) => i.location?.country).filter(Boolean))].sort();
  list.replaceChildren(...codes.map((c) => new Option(c, c)));
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = false;
}

function hideError() {
  $("error").hidden = true;
}

// Live: every new event on the stream refetches the filter (so the API decides what matches),
// once the read models have applied the latest event's position.
let liveTimer = null;
let arrived = 0;
let latest = "";
function startLive() {
  follow(
    "/events/stream",
    (_type, _data, position) => {
      arrived += 1;
      if (position) latest = position;
      clearTimeout(liveTimer);
      liveTimer = setTimeout(async () => {
        const count = arrived;
        arrived = 0;
        await load({ force: true, minPosition: latest });
        const matching = fresh.size;
        $("live").textContent = `${count} new event${count === 1 ? "" : "s"} arrived; ${matching} match this filter.`;
      }, 500);
    },
    (connected) => (document.body.dataset.live = connected ? "connected" : "disconnected"),
  );
}

async function offerIncidents() {
  if (await answers("/incidents?limit=1")) $("view-field").hidden = false;
  else if (state.view === "incidents") {
    state.view = "events";
    syncControls();
    history.replaceState(null, "", toURL(state));
    load();
  }
}

if (matchMedia("(max-width: 900px)").matches) $("filters-box").open = false;
buildTypeOptions();
syncControls();
if (state.bbox) map.setView(state.bbox);
load().then(showDetail);
fillActors();
startLive();
offerIncidents();
