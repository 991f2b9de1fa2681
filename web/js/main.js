// The analyst's page: filters (mirrored in the URL) -> one API fetch -> map, timeline and list;
// the date range and the map's box filter in the browser, so brushing and panning stay instant.

import { MAX_ITEMS, answers, apiKey, follow, getAll, getJSON, setApiKey } from "./api.js";
import { first } from "./boot.js";
import { showEvent, showIncident, typeTag, when, where } from "./detail.js";
import { createMap, fatalitiesRadius, sourcesRadius, COLOURS } from "./map.js";
import { TYPES, apiParams, fromURL, inBbox, inDates, toURL } from "./state.js";
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
    if (!$("f-bbox-on").checked) return;
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

function resource() {
  return state.view === "incidents" ? "/incidents" : "/events";
}

function queryKey() {
  return `${resource()}?${apiParams(state, { dates: false, bbox: false })}`;
}

// Fetch what the filter (without dates and box) matches, unless already fetched.
async function load({ force = false } = {}) {
  const key = queryKey();
  if (!force && key === fetched) return render();
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  document.body.dataset.state = "loading";
  try {
    const early = !force && first.key === key && !fetched; // the fetch boot.js started
    const next = await (early
      ? first.items
      : getAll(resource(), apiParams(state, { dates: false, bbox: false }), { signal: controller.signal }));
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

function render() {
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
  $("summary").textContent = `${listed.length} ${noun} match · ${located} on the map · ${items.length} before the date range and map box${capped}`;
  $("brush-label").textContent = state.from || state.to ? `${state.from || "…"} to ${state.to || "…"}` : "All dates: drag across the bars to pick a range";
  $("brush-clear").hidden = !(state.from || state.to);
  const exportParams = apiParams(state);
  for (const format of ["csv", "geojson"]) {
    exportParams.set("format", format);
    $(`export-${format}`).href = `${resource()}?${exportParams}`;
  }
  document.body.dataset.state = "ready";
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

async function showDetail() {
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
  const options = { signal: controller.signal, onEvent: (eventId) => switchToEvent(eventId) };
  try {
    if (state.view === "incidents") await showIncident($("detail-body"), $("detail-title"), id, options);
    else map.highlight(await showEvent($("detail-body"), $("detail-title"), id, options));
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
  $("min-sources-field").hidden = state.view !== "incidents";
  $("f-interval").value = state.interval;
  $("f-bbox-on").checked = Boolean(state.bbox);
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
  state.interval = $("f-interval").value;
  state.bbox = $("f-bbox-on").checked ? state.bbox || map.bounds() : "";
  $("min-confidence-out").textContent = state.min_confidence || "0";
  $("min-sources-field").hidden = state.view !== "incidents";
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
});
$("brush-clear").addEventListener("click", () => {
  state.from = "";
  state.to = "";
  syncControls();
  navigate();
});
$("detail-close").addEventListener("click", closeDetail);
document.addEventListener("keydown", (event) => {
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

// Live: every new event on the stream refetches the filter (so the API decides what matches).
let liveTimer = null;
let arrived = 0;
function startLive() {
  follow(
    "/events/stream",
    () => {
      arrived += 1;
      clearTimeout(liveTimer);
      liveTimer = setTimeout(async () => {
        const count = arrived;
        arrived = 0;
        await load({ force: true });
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
