// Loaded `async`, ahead of Leaflet: starts fetching the page's data while the rest of the page
// (scripts, styles, boundaries) still loads. main.js takes the answer from here.

import { fetchItems } from "./api.js";
import { apiParams, fromURL } from "./state.js";

const state = fromURL(location.search);
// `partial`: the first page of incidents while the rest loads (main.js may draw it meanwhile).
export const first = {
  key: `${state.view}?${apiParams(state, { dates: false, bbox: false })}`,
  partial: null,
  onFirst: null,
};
first.items = fetchItems(state.view, apiParams(state, { dates: false, bbox: false }), {
  onFirst: (items, total) => {
    first.partial = { items, total };
    first.onFirst?.(items, total);
  },
});
first.items.catch(() => {}); // main.js reports the error when it asks
