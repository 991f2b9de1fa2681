// The page's state is its URL: every filter, the timeline interval, the map view and the open
// event live in the query string, so a copied address opens the same view.

export const TYPES = ["TalksHeld", "CeasefireAnnounced", "OffensiveLaunched", "ResolutionBlocked"];
export const REVIEW_STATUSES = ["unreviewed", "confirmed", "corrected", "rejected"];
const SINGLE = ["actor", "country", "from", "to", "q", "min_confidence", "min_sources", "review_status", "bbox", "box",
  "event", "incident"];

export function emptyState() {
  return { view: "events", type: [], actor: "", country: "", from: "", to: "", q: "", min_confidence: "",
    min_sources: "", review_status: "", bbox: "", box: "", interval: "week", event: "", incident: "" };
}

export function fromURL(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.type = params.getAll("type").filter((t) => TYPES.includes(t));
  for (const key of SINGLE) state[key] = params.get(key) || "";
  if (!REVIEW_STATUSES.includes(state.review_status)) state.review_status = "";
  if (state.box !== "drawn" || !state.bbox) state.box = ""; // drawn: the box was drawn, not the view
  state.view = params.get("view") === "incidents" ? "incidents" : "events";
  state.interval = params.get("interval") === "month" ? "month" : "week";
  return state;
}

export function toURL(state) {
  const params = new URLSearchParams();
  if (state.view !== "events") params.set("view", state.view);
  for (const t of state.type) params.append("type", t);
  for (const key of SINGLE) if (state[key]) params.set(key, state[key]);
  if (state.interval !== "week") params.set("interval", state.interval);
  const text = params.toString();
  return text ? `?${text}` : location.pathname;
}

// The filters each resource takes: /incidents has no text, confidence, review or box filter.
const FILTERS = {
  events: ["actor", "country", "q", "min_confidence", "review_status"],
  incidents: ["actor", "country", "min_sources"],
};

// The API's query for the state: `dates` and `bbox` say whether the date range and the map's
// box are included (the timeline shows every date, so it asks without them).
export function apiParams(state, { dates = true, bbox = true } = {}) {
  const params = new URLSearchParams();
  for (const t of state.type) params.append("type", t);
  for (const key of FILTERS[state.view]) if (state[key]) params.set(key, state[key]);
  if (dates && state.from) params.set("from", state.from);
  if (dates && state.to) params.set("to", state.to);
  if (bbox && state.bbox && state.view === "events") params.set("bbox", state.bbox);
  return params;
}

// The export of the view: events as filtered; incidents as /events?collapse=incident (one row
// per incident, its first report) over the filters events and incidents share.
export function exportURL(state, format) {
  const incidents = state.view === "incidents";
  const shared = incidents ? { ...state, view: "events", q: "", min_confidence: "", review_status: "" } : state;
  const params = apiParams(shared);
  if (incidents) params.set("collapse", "incident");
  params.set("format", format);
  return `/events?${params}`;
}

// The client-side twins of the API's date and box filters (infra/queries/events.py): an event
// overlaps [from, to] when it ends on or after `from` and starts on or before `to`.
export function inDates(item, state) {
  if (!state.from && !state.to) return true;
  const occurred = item.occurred;
  if (!occurred) return false;
  if (state.from && occurred.end < state.from) return false;
  return !(state.to && occurred.start > state.to);
}

export function inBbox(item, state) {
  if (!state.bbox) return true;
  const loc = item.location;
  if (!loc || loc.lat == null || loc.lon == null) return false;
  const [minLon, minLat, maxLon, maxLat] = state.bbox.split(",").map(Number);
  if (loc.lat < minLat || loc.lat > maxLat) return false;
  return minLon <= maxLon ? loc.lon >= minLon && loc.lon <= maxLon : loc.lon >= minLon || loc.lon <= maxLon;
}
