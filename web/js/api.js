// Calls to the conflictdb API. A key, when the reader gives one, goes in the Authorization
// header (reads are open unless CONFLICTDB_READ_KEYS_REQUIRED is set).

const KEY_STORAGE = "conflictdb.key";

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || "";
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

function headers(extra = {}) {
  const key = apiKey();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || response.statusText;
  } catch {
    return response.statusText;
  }
}

export async function getJSON(path, { signal } = {}) {
  const response = await fetch(path, { headers: headers({ Accept: "application/json" }), signal });
  if (!response.ok) throw new Error(`${path.split("?")[0]}: ${response.status} ${await problem(response)}`);
  return response.json();
}

// The page draws at most this many items (the most recently recorded): ~0.85 KB each to fetch.
export const MAX_ITEMS = 25000;

// Every match of a filter up to MAX_ITEMS, in one streamed NDJSON export (JSON pages stop at 500).
export async function getAll(resource, params, { signal } = {}) {
  params.set("format", "ndjson");
  params.set("limit", String(MAX_ITEMS));
  const path = `${resource}?${params}`;
  const response = await fetch(path, { headers: headers(), signal });
  if (!response.ok) throw new Error(`${resource}: ${response.status} ${await problem(response)}`);
  const text = await response.text();
  const items = [];
  for (const line of text.split("\n")) if (line) items.push(JSON.parse(line));
  return items;
}

// /incidents has no streamed export: its JSON pages (500 each), followed by their cursors. After
// the first page, two walks at once, on from the newest and up from the oldest, until they meet:
// half the round trips one after another. Past MAX_ITEMS only the newest, so the cap keeps the
// latest. `onFirst(items, total)`: the first page, when more follow, to draw it meanwhile.
export async function getIncidents(params, { signal, onFirst } = {}) {
  const position = params.get("min_position");
  params.delete("min_position");
  // /incidents takes no min_position: a one-event read with it waits until every read model has it.
  if (position) await getJSON(`/events?limit=1&min_position=${encodeURIComponent(position)}`, { signal });
  params.set("limit", "500");
  const newest = incidentPages(params, "desc", signal);
  const first = (await newest.next()).value;
  const items = first.items.map(located);
  if (!first.more) return items;
  onFirst?.(items.slice(), first.total);
  if (first.estimate || first.total > MAX_ITEMS) {
    for await (const page of newest) {
      items.push(...page.items.map(located));
      if (items.length >= MAX_ITEMS) break;
    }
    return items;
  }
  const seen = new Set(items.map((i) => i.id));
  const oldest = [];
  let met = false;
  const walk = async (pages, into) => {
    for await (const page of pages) {
      for (const incident of page.items) {
        if (seen.has(incident.id)) met = true; // the other walk has been here: all is fetched
        else into.push(located(incident));
        seen.add(incident.id);
      }
      if (met) break;
    }
  };
  await Promise.all([walk(newest, items), walk(incidentPages(params, "asc", signal), oldest)]);
  return items.concat(oldest.reverse());
}

async function* incidentPages(params, order, signal) {
  const own = new URLSearchParams(params);
  own.set("order", order);
  for (;;) {
    const page = await getJSON(`/incidents?${own}`, { signal });
    yield { items: page.items, total: page.total, estimate: page.total_is_estimate, more: Boolean(page.next_cursor) };
    if (!page.next_cursor) return;
    own.set("cursor", page.next_cursor);
  }
}

// An incident's best place is `place`; the map and list read `location`, as events have.
function located(incident) {
  return { ...incident, location: incident.place };
}

// What the page draws for a view: events from the NDJSON export, incidents from their pages.
export function fetchItems(view, params, options = {}) {
  return view === "incidents" ? getIncidents(params, options) : getAll("/events", params, options);
}

// A write (a review decision): JSON in, JSON out, the API's problem detail as the error.
export async function postJSON(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: headers({ Accept: "application/json", "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${response.status} ${await problem(response)}`);
  return response.json();
}

export async function answers(path) {
  try {
    const response = await fetch(path, { headers: headers({ Accept: "application/json" }) });
    return response.ok;
  } catch {
    return false;
  }
}

// Server-Sent Events over fetch (EventSource cannot send a key): calls onMessage(event, data)
// for each message (and its id, the log position) and reconnects after a pause, resuming with
// Last-Event-ID.
export function follow(path, onMessage, onState) {
  let lastId = null;
  let stopped = false;
  const controller = new AbortController();
  async function connect() {
    while (!stopped) {
      try {
        const extra = { Accept: "text/event-stream" };
        if (lastId) extra["Last-Event-ID"] = lastId;
        const response = await fetch(path, { headers: headers(extra), signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`stream: ${response.status}`);
        onState(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, "\n");
          let cut;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const message = parseBlock(block);
            if (message.id) lastId = message.id;
            if (message.data) onMessage(message.event || "message", message.data, message.id);
          }
        }
      } catch (error) {
        if (stopped) return;
      }
      onState(false);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
  connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}

function parseBlock(block) {
  const message = { data: "" };
  for (const line of block.split("\n")) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") message.data += (message.data ? "\n" : "") + value;
    else if (field === "id" || field === "event") message[field] = value;
  }
  return message;
}
