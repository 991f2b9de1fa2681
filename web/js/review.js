// An event's review status and history, and (with a key that has the review scope) the
// reviewer's decisions on it: confirm, reject with a reason, or correct its fields. Each goes to
// POST /events/{id}/review; the API answers the event as it now stands.

import { apiKey, postJSON } from "./api.js";
import { h } from "./dom.js";
import { TYPES } from "./state.js";

const STEP_TEXT = {
  extracted: "extracted",
  confirmed: "confirmed",
  rejected: "rejected",
  corrected: "corrected",
  flagged_for_rereview: "flagged for re-review (a re-extraction no longer finds it)",
  retracted: "retracted (a re-extraction no longer finds it)",
};

function stamp(iso) {
  return `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function historyList(history) {
  return h("ol", { class: "history", "aria-label": "History" },
    history.steps.map((step) => h("li", { "data-step": step.step },
      h("strong", {}, STEP_TEXT[step.step] || step.step),
      step.reviewer ? ` by ${step.reviewer}` : "",
      step.extractor_version ? ` (${step.extractor_version})` : "",
      step.changed?.length ? `: ${step.changed.join(", ")}` : "",
      step.note ? ` — “${step.note}”` : "",
      h("span", { class: "meta" }, ` · ${stamp(step.recorded_at)} · position ${step.position}`))));
}

function statusText(history) {
  return history.needs_rereview ? `${history.review_status}, needs re-review` : history.review_status;
}

// The review part of an event's detail. `onReviewed(verdict, event)` runs after the API took a
// decision; `onAskKey()` shows where the key goes.
export function reviewSection(event, history, { onReviewed, onAskKey, notice = "" } = {}) {
  const status = h("p", { id: "review-result", class: "review-result", role: "status" }, notice);
  const decide = async (verdict, extra, button) => {
    button.disabled = true;
    status.textContent = "Sending…";
    status.classList.remove("failed");
    try {
      const reply = await postJSON(`/events/${encodeURIComponent(event.id)}/review`, { verdict, ...extra });
      await onReviewed?.(verdict, reply);
    } catch (error) {
      status.textContent = `Not recorded: ${error.message}`;
      status.classList.add("failed");
      button.disabled = false;
    }
  };
  return h("section", { class: "review", "aria-labelledby": "review-title" },
    h("h3", { id: "review-title" }, "Review"),
    h("p", {}, "Status: ", h("strong", { id: "review-status" }, statusText(history))),
    apiKey() ? actions(event, decide) : h("p", {}, "To confirm, reject or correct this event, ",
      h("button", { type: "button", class: "link", onclick: () => onAskKey?.() }, "enter a key"),
      " with the review scope."),
    status,
    h("h3", {}, "History"),
    historyList(history),
  );
}

function actions(event, decide) {
  const confirm = h("button", { type: "button", id: "review-confirm",
    onclick: () => decide("confirmed", {}, confirm) }, "Confirm");
  const reason = h("textarea", { id: "rv-note", rows: 2, required: true, maxlength: 2000 });
  const reject = h("form", { class: "review-form", onsubmit: (e) => {
    e.preventDefault();
    decide("rejected", { note: reason.value.trim() }, e.submitter || reject.querySelector("button"));
  } },
    h("label", { for: "rv-note" }, "Why it is wrong"), reason,
    h("button", { type: "submit", id: "review-reject" }, "Reject"));
  return h("div", { class: "review-actions" },
    h("div", {}, confirm),
    h("details", {}, h("summary", {}, "Reject…"), reject),
    h("details", {}, h("summary", {}, "Correct…"), correction(event, decide)),
  );
}

function field(id, text, input) {
  input.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, text), input);
}

// The correction form starts from the event as it stands; only the fields a reviewer changed
// are sent (a location, a date range and casualties as wholes).
function correction(event, decide) {
  const loc = event.location || {};
  const occurred = event.occurred || {};
  const type = h("select", {}, TYPES.map((t) => h("option", { value: t, selected: t === event.type }, t)));
  const inputs = {
    name: h("input", { value: loc.name || "", autocomplete: "off" }),
    country: h("input", { value: loc.country || "", autocomplete: "off", maxlength: 3 }),
    lat: h("input", { type: "number", step: "any", min: -90, max: 90, value: loc.lat ?? "" }),
    lon: h("input", { type: "number", step: "any", min: -180, max: 180, value: loc.lon ?? "" }),
    start: h("input", { type: "date", value: occurred.start || "" }),
    end: h("input", { type: "date", value: occurred.end || "" }),
    killed: h("input", { type: "number", min: 0, step: 1, value: event.casualties?.killed ?? "" }),
  };
  const form = h("form", { class: "review-form correction", onsubmit: (e) => {
    e.preventDefault();
    const changes = changed(event, type.value, inputs);
    const button = form.querySelector("button");
    if (!Object.keys(changes).length) {
      form.querySelector(".hint").textContent = "Nothing changed yet.";
      return;
    }
    decide("corrected", { changes }, button);
  } },
    field("rv-type", "Type", type),
    field("rv-place", "Place", inputs.name),
    field("rv-country", "Country (ISO alpha-2)", inputs.country),
    h("div", { class: "pair" }, field("rv-lat", "Latitude", inputs.lat), field("rv-lon", "Longitude", inputs.lon)),
    h("div", { class: "pair" }, field("rv-start", "First day", inputs.start), field("rv-end", "Last day", inputs.end)),
    field("rv-killed", "Killed", inputs.killed),
    h("p", { class: "hint meta", "aria-live": "polite" }),
    h("button", { type: "submit", id: "review-correct" }, "Save the correction"),
  );
  return form;
}

const number = (text) => (text.trim() === "" ? null : Number(text));

function changed(event, type, inputs) {
  const changes = {};
  if (type !== event.type) changes.type = type;
  const loc = event.location || {};
  const place = { name: inputs.name.value.trim(), country: inputs.country.value.trim().toUpperCase() || null,
    lat: number(inputs.lat.value), lon: number(inputs.lon.value) };
  if (place.name && (place.name !== loc.name || place.country !== (loc.country ?? null)
      || place.lat !== (loc.lat ?? null) || place.lon !== (loc.lon ?? null))) {
    changes.location = { ...place, precision: loc.precision || "city" };
  }
  const occurred = event.occurred || {};
  const start = inputs.start.value;
  const end = inputs.end.value || start;
  if (start && (start !== occurred.start || end !== occurred.end)) {
    const precision = start === end ? "day" : occurred.precision || "day";
    changes.occurred = { start, end, precision, text: occurred.text ?? null };
  }
  const killed = number(inputs.killed.value);
  if (killed !== (event.casualties?.killed ?? null)) changes.casualties = { ...(event.casualties || {}), killed };
  return changes;
}
