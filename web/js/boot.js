// Loaded `async`, ahead of Leaflet: starts fetching the page's data while the rest of the page
// (scripts, styles, boundaries) still loads. main.js takes the answer from here.

import { getAll } from "./api.js";
import { apiParams, fromURL } from "./state.js";

const state = fromURL(location.search);
const resource = state.view === "incidents" ? "/incidents" : "/events";
export const first = {
  key: `${resource}?${apiParams(state, { dates: false, bbox: false })}`,
  items: getAll(resource, apiParams(state, { dates: false, bbox: false })),
};
first.items.catch(() => {}); // main.js reports the error when it asks
