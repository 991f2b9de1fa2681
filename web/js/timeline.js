// The timeline: events per week or month (by the day they started), stacked by type, as SVG.
// Dragging across it (or arrow keys on it) picks a date range that filters the rest of the page.

import { TYPES } from "./state.js";
import { COLOURS } from "./map.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const PAD = { left: 34, right: 8, top: 8, bottom: 20 };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const parse = (text) => Date.parse(`${text}T00:00:00Z`);

export function bucketStart(ms, interval) {
  const d = new Date(ms);
  if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return ms - ((d.getUTCDay() + 6) % 7) * DAY; // weeks start on Monday, as /stats/timeline's
}

function nextBucket(ms, interval) {
  if (interval === "week") return ms + 7 * DAY;
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function buckets(items, interval) {
  const counts = new Map();
  let first = Infinity;
  let last = -Infinity;
  for (const item of items) {
    if (!item.occurred) continue;
    const start = bucketStart(parse(item.occurred.start), interval);
    first = Math.min(first, start);
    last = Math.max(last, start);
    const row = counts.get(start) || Object.fromEntries(TYPES.map((t) => [t, 0]));
    row[item.type] = (row[item.type] || 0) + 1;
    counts.set(start, row);
  }
  const rows = [];
  for (let at = first; at <= last; at = nextBucket(at, interval)) {
    rows.push({ start: at, end: nextBucket(at, interval) - DAY, counts: counts.get(at) || {} });
  }
  return rows;
}

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

function label(ms, interval) {
  const d = new Date(ms);
  return interval === "month"
    ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}`;
}

export function createTimeline(container, { onBrush }) {
  let rows = [];
  let interval = "week";
  let range = { from: "", to: "" };
  let svg = null;

  function render() {
    const hadFocus = container.contains(document.activeElement); // keep the keyboard on the brush
    container.replaceChildren();
    drawnWidth = container.clientWidth;
    const width = Math.max(200, drawnWidth);
    const height = Math.max(100, container.clientHeight);
    svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "Timeline" }, container);
    if (!rows.length) {
      el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "axis" }, svg).textContent =
        "No dated events for this filter";
      container.dataset.bars = "0";
      return;
    }
    const innerW = width - PAD.left - PAD.right;
    const innerH = height - PAD.top - PAD.bottom;
    const step = innerW / rows.length;
    const max = Math.max(1, ...rows.map((r) => TYPES.reduce((s, t) => s + (r.counts[t] || 0), 0)));
    const axis = el("g", { class: "axis" }, svg);
    el("line", { x1: PAD.left, x2: width - PAD.right, y1: PAD.top + innerH, y2: PAD.top + innerH }, axis);
    el("text", { x: PAD.left - 4, y: PAD.top + 8, "text-anchor": "end" }, axis).textContent = String(max);
    el("text", { x: PAD.left - 4, y: PAD.top + innerH, "text-anchor": "end" }, axis).textContent = "0";
    const every = Math.max(1, Math.ceil(rows.length / Math.max(1, Math.floor(innerW / 70))));
    const bars = el("g", { class: "bars", "aria-hidden": "true" }, svg);
    let drawn = 0;
    rows.forEach((row, i) => {
      const x = PAD.left + i * step;
      let y = PAD.top + innerH;
      for (const type of TYPES) {
        const n = row.counts[type] || 0;
        if (!n) continue;
        const h = (n / max) * innerH;
        y -= h;
        const rect = el("rect", { x: x + step * 0.1, y, width: Math.max(1, step * 0.8), height: h, fill: COLOURS[type],
          "data-type": type, "data-start": iso(row.start), "data-count": n }, bars);
        el("title", {}, rect).textContent = `${label(row.start, interval)}: ${n} ${type}`;
        drawn += 1;
      }
      if (i % every === 0) {
        el("text", { x: x + step / 2, y: height - 6, "text-anchor": "middle" }, axis).textContent = label(row.start, interval);
      }
    });
    container.dataset.bars = String(drawn);
    container.dataset.total = String(rows.reduce((s, r) => s + TYPES.reduce((a, t) => a + (r.counts[t] || 0), 0), 0));
    drawBrush(innerW, innerH, step);
    if (hadFocus) svg.querySelector(".overlay").focus();
  }

  function indexOf(dateText, fallback) {
    if (!dateText) return fallback;
    const ms = parse(dateText);
    const i = rows.findIndex((r) => ms >= r.start && ms <= r.end);
    if (i >= 0) return i;
    return ms < rows[0].start ? 0 : rows.length - 1;
  }

  function drawBrush(innerW, innerH, step) {
    const frame = el("rect", { class: "overlay-frame", x: PAD.left, y: PAD.top, width: innerW, height: innerH,
      fill: "none", stroke: "none" }, svg);
    frame.setAttribute("aria-hidden", "true");
    const brush = el("rect", { class: "brush", y: PAD.top, height: innerH, width: 0, visibility: "hidden" }, svg);
    const overlay = el("rect", { class: "overlay", x: PAD.left, y: PAD.top, width: innerW, height: innerH,
      tabindex: 0, role: "slider", "aria-label": "Date range of the timeline: arrow keys move it, Shift with arrows widens it, Escape clears it" }, svg);
    let selected = null; // [first, last] bucket indexes
    const show = (sel) => {
      if (!sel) {
        brush.setAttribute("visibility", "hidden");
        overlay.setAttribute("aria-valuetext", "all dates");
        return;
      }
      const [a, b] = sel[0] <= sel[1] ? sel : [sel[1], sel[0]];
      brush.setAttribute("visibility", "visible");
      brush.setAttribute("x", PAD.left + a * step);
      brush.setAttribute("width", (b - a + 1) * step);
      overlay.setAttribute("aria-valuetext", `${iso(rows[a].start)} to ${iso(rows[b].end)}`);
    };
    if (range.from || range.to) selected = [indexOf(range.from, 0), indexOf(range.to, rows.length - 1)];
    show(selected);
    const commit = (sel) => {
      if (!sel) return onBrush("", "");
      const [a, b] = sel[0] <= sel[1] ? sel : [sel[1], sel[0]];
      return onBrush(iso(rows[a].start), iso(rows[b].end));
    };
    const at = (event) => {
      const box = svg.getBoundingClientRect();
      const x = ((event.clientX - box.left) / box.width) * svg.viewBox.baseVal.width - PAD.left;
      return Math.min(rows.length - 1, Math.max(0, Math.floor(x / step)));
    };
    let anchor = null;
    overlay.addEventListener("pointerdown", (event) => {
      anchor = at(event);
      overlay.setPointerCapture(event.pointerId);
      selected = [anchor, anchor];
      show(selected);
    });
    overlay.addEventListener("pointermove", (event) => {
      if (anchor === null) return;
      selected = [anchor, at(event)];
      show(selected);
    });
    overlay.addEventListener("pointerup", () => {
      if (anchor === null) return;
      anchor = null;
      commit(selected);
    });
    overlay.addEventListener("keydown", (event) => {
      const last = rows.length - 1;
      let [a, b] = selected ? [Math.min(...selected), Math.max(...selected)] : [last, last];
      if (event.key === "Escape") {
        selected = null;
        show(null);
        commit(null);
        event.preventDefault();
        return;
      }
      const dir = event.key === "ArrowLeft" ? -1 : event.key === "ArrowRight" ? 1 : 0;
      if (!dir) return;
      event.preventDefault();
      if (!selected) {
        selected = [a, b];
      } else if (event.shiftKey) {
        if (dir < 0) a = Math.max(0, a - 1);
        else b = Math.min(last, b + 1);
        selected = [a, b];
      } else if (a + dir >= 0 && b + dir <= last) {
        selected = [a + dir, b + dir];
      }
      show(selected);
      commit(selected);
    });
  }

  let drawnWidth = 0;
  new ResizeObserver(() => {
    if (container.clientWidth !== drawnWidth) render(); // not again for the first observation
  }).observe(container);
  return {
    update(items, nextInterval, nextRange) {
      interval = nextInterval;
      range = nextRange;
      rows = buckets(items, interval);
      render();
    },
  };
}
