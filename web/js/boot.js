// Loaded `async`, ahead of Leaflet: starts fetching the page's data while the rest of the page
// (scripts, styles, boundaries) still loads. main.js takes the answer from here.

import { fetchItems } from "./api.js";
import { apiParams, fromURL } from "./state.js";

const state = fromURL(location.search);
export const first = {
  key: `${state.view}?${apiParams(state, { dates: false, bbox: false })}`,
  items: fetchItems(state.view, apiParams(state, { dates: false, bbox: false })),
};
first.items.catch(() => {}); // main.js reports the error when it asks
