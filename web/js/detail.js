// The detail of an event (its article with the evidence highlighted by the API's offsets,
// actors with roles, confidence) and of an incident (its reports).

import { getJSON } from "./api.js";
import { h, fill } from "./dom.js";
import { COLOURS } from "./map.js";
import { reviewSection } from "./review.js";

export function typeTag(type) {
  return h("span", { class: "tag", style: `background:${COLOURS[type] || "#555"}` }, type);
}

export function when(occurred) {
  if (!occurred) return "date unknown";
  const span = occurred.start === occurred.end ? occurred.start : `${occurred.start} – ${occurred.end}`;
  return occurred.precision === "day" ? span : `${span} (${occurred.precision})`;
}

export function where(location) {
  if (!location) return "place unknown";
  return location.country ? `${location.name} (${location.country})` : location.name;
}

function casualtiesText(c) {
  if (!c) return null;
  const parts = [];
  const killed = c.killed ?? (c.killed_low != null ? `at least ${c.killed_low}` : null);
  if (killed != null) parts.push(`${killed} killed${c.killed_high != null ? ` (up to ${c.killed_high})` : ""}`);
  if (c.civilians_killed != null) parts.push(`${c.civilians_killed} civilians`);
  if (c.children_killed != null) parts.push(`${c.children_killed} children`);
  if (c.injured != null) parts.push(`${c.injured} injured`);
  return parts.join(", ") || null;
}

// The API's offsets count Unicode code points (Python's str); JavaScript indexes UTF-16 units.
function codePointSlice(points, start, end) {
  return points.slice(start, end).join("");
}

// Split the article into text and <mark>s: this event's evidence, and the other events' evidence.
export function highlighted(text, current, others) {
  const points = Array.from(text);
  const spans = [];
  const place = (evidence, cls) => {
    let { start, end } = evidence;
    let by = "offsets";
    if (codePointSlice(points, start, end) !== evidence.text) {
      by = "search";
      const found = text.indexOf(evidence.text); // offsets of another text version: find the sentence
      if (found < 0) return;
      start = Array.from(text.slice(0, found)).length;
      end = start + Array.from(evidence.text).length;
    }
    if (spans.some((s) => start < s.end && end > s.start)) return;
    spans.push({ start, end, cls, by });
  };
  place(current, "evidence");
  for (const evidence of others) place(evidence, "other");
  spans.sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const span of spans) {
    out.push(codePointSlice(points, at, span.start));
    const mark = h("mark", { class: span.cls }, codePointSlice(points, span.start, span.end));
    mark.dataset.by = span.by; // how the sentence was found: the API's offsets, or a search
    if (span.cls === "evidence") mark.id = "evidence";
    out.push(mark);
    at = span.end;
  }
  out.push(codePointSlice(points, at, points.length));
  return out;
}

// `decided`: a decision was just recorded, so the event is read once the read models have it
// (the history comes from the log itself; its last step is the decision).
export async function showEvent(body, title, id, { signal, onEvent, review = {}, decided = false } = {}) {
  const path = `/events/${encodeURIComponent(id)}`;
  const history = getJSON(`${path}/history`, { signal });
  history.catch(() => {}); // awaited below
  const after = decided ? `?min_position=${(await history).steps.at(-1).position}` : "";
  const event = await getJSON(`${path}${after}`, { signal });
  const article = await getJSON(`/articles/${encodeURIComponent(event.article_id)}${after}`, { signal });
  return render(body, title, event, await history, article, { onEvent, review });
}

function render(body, title, event, history, article, { onEvent, review }) {
  title.textContent = event.type;
  const others = (article.events || []).filter((e) => e.id !== event.id).map((e) => e.evidence);
  const casualties = casualtiesText(event.casualties);
  const confidence = Math.round(event.confidence * 100);
  fill(body,
    h("dl", {},
      h("dt", {}, "Type"), h("dd", {}, typeTag(event.type)),
      h("dt", {}, "When"), h("dd", {}, when(event.occurred), event.occurred?.text ? ` — “${event.occurred.text}”` : ""),
      h("dt", {}, "Where"), h("dd", {}, where(event.location)),
      casualties && [h("dt", {}, "Casualties"), h("dd", {}, casualties)],
      h("dt", {}, "Confidence"),
      h("dd", {}, h("meter", { min: 0, max: 1, value: event.confidence, "aria-label": "Confidence" }), ` ${confidence} %`),
      h("dt", {}, "Extracted"),
      h("dd", {}, new Date(event.recorded_at).toISOString().slice(0, 16).replace("T", " "), " UTC"),
      h("dt", {}, "Article"),
      h("dd", {}, article.title, article.source ? ` — ${article.source}` : "", article.published_at ? `, ${article.published_at}` : "",
        article.url ? [" ", h("a", { href: article.url, rel: "noreferrer" }, "original")] : ""),
    ),
    h("h3", {}, "Actors"),
    event.actors.length
      ? h("table", {},
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Actor"), h("th", { scope: "col" }, "Code"), h("th", { scope: "col" }, "Role"))),
          h("tbody", {}, event.actors.map((a) => h("tr", {}, h("td", {}, a.name),
            h("td", {}, h("a", { href: `/codebook/actors/${encodeURIComponent(a.code)}` }, a.code)), h("td", {}, a.role.replaceAll("_", " "))))))
      : h("p", {}, "No actors named."),
    h("h3", {}, "Article text"),
    h("p", { class: "meta" }, "The evidence sentence is marked; other events' sentences are shaded."),
    h("div", { class: "article-text", tabindex: 0, "aria-label": "Article text" },
      highlighted(article.text, event.evidence, others)),
    others.length ? h("h3", {}, "Other events in this article") : null,
    others.length ? h("ul", {}, (article.events || []).filter((e) => e.id !== event.id).map((e) =>
      h("li", {}, h("button", { type: "button", class: "link", onclick: () => onEvent?.(e.id) }, `${e.type}, ${when(e.occurred)}`)))) : null,
    reviewSection(event, history, review),
    h("p", {}, h("a", { href: `/events/${event.id}` }, "This event as JSON")),
  );
  body.dataset.position = history.steps.at(-1)?.position || "";
  const mark = body.querySelector("#evidence");
  if (mark) mark.scrollIntoView({ block: "center" });
  return event;
}

export async function showIncident(body, title, id, { signal, onEvent } = {}) {
  const incident = await getJSON(`/incidents/${encodeURIComponent(id)}`, { signal });
  title.textContent = `Incident: ${incident.type || ""}`;
  const articles = new Map((incident.articles || []).map((a) => [a.id, a]));
  const reports = incident.events || [];
  const sources = incident.sources || {};
  const casualties = incident.casualties;
  fill(body,
    h("dl", {},
      h("dt", {}, "Type"), h("dd", {}, typeTag(incident.type)),
      h("dt", {}, "When"), h("dd", {}, when(incident.occurred)),
      h("dt", {}, "Where"), h("dd", {}, where(incident.place)),
      h("dt", {}, "Sources"), h("dd", {}, `${sources.articles ?? reports.length} articles from ${sources.outlets ?? "?"} outlets`),
      casualties && [h("dt", {}, "Killed"), h("dd", {}, casualties.low === casualties.high
        ? String(casualties.best ?? casualties.low) : `${casualties.low ?? "?"} to ${casualties.high ?? "?"}`)],
      h("dt", {}, "Confidence"), h("dd", {}, `${Math.round(incident.confidence * 100)} %`),
      incident.actors?.length && [h("dt", {}, "Actors"),
        h("dd", {}, incident.actors.map((a) => `${a.code} (${a.role.replaceAll("_", " ")})`).join(", "))],
    ),
    h("h3", {}, `Reports (${reports.length})`),
    h("ol", { class: "reports" }, reports.map((e) => {
      const article = articles.get(e.article_id) || {};
      return h("li", { "data-id": e.id },
        h("button", { type: "button", class: "link", onclick: () => onEvent?.(e.id) },
          `${article.outlet || article.source || "unknown outlet"}${article.published ? `, ${article.published}` : ""}`),
        h("p", { class: "meta" }, `${e.type}, ${when(e.occurred)} · ${where(e.location)}`),
        e.evidence?.text ? h("blockquote", {}, e.evidence.text) : null);
    })),
    incident.decisions?.length ? h("details", {}, h("summary", {}, "Why these reports are one incident"),
      h("ul", {}, incident.decisions.map((d) => h("li", {}, `${d.decision}: ${d.reason}`, h("span", { class: "meta" }, ` (${d.rule})`))))) : null,
    h("p", {}, h("a", { href: `/incidents/${incident.id}` }, "This incident as JSON")),
  );
  return { ...incident, location: incident.place };
}
