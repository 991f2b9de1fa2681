// The map: country boundaries from world-atlas (no tile server), events as circles coloured
// by type and sized by fatalities (incidents: by sources), clustered when zoomed out.

import { TYPES } from "./state.js";

const L = window.L;
export const COLOURS = Object.fromEntries(
  TYPES.map((t) => [t, getComputedStyle(document.documentElement).getPropertyValue(`--t-${t}`).trim()]),
);

export function createMap(element, { onSelect, onView }) {
  const map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 11, zoomSnap: 0.5, preferCanvas: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth via world-atlas");
  map.setView([30, 30], 3);
  map.createPane("countries").style.zIndex = "350"; // below the points whenever it loads
  // The coarse boundaries (100 KB) first; the finer ones (750 KB) once the page has drawn its data,
  // so they do not compete with it for the server.
  let countries = drawCountries(map, "countries-110m.json");
  let detailed = false;
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: clusterIcon,
  });
  map.addLayer(clusters);
  // One listener and one tooltip for all points: binding them per point costs ~0.1 ms each.
  const tip = L.tooltip({ direction: "top", offset: [0, -6] });
  clusters.on("click", (event) => event.layer.item && onSelect(event.layer.item));
  clusters.on("mouseover", (event) => {
    const item = event.layer.item;
    if (!item) return;
    tip.setLatLng(event.layer.getLatLng()).setContent(describe(item));
    map.openTooltip(tip);
  });
  clusters.on("mouseout", () => map.closeTooltip(tip));
  let fitted = false;
  let quiet = false; // a view set from a shared URL keeps that URL's box until the reader moves
  map.on("moveend", () => {
    if (quiet) quiet = false;
    else onView(boundsText(map));
  });

  function show(items, sizeOf) {
    clusters.clearLayers();
    const markers = [];
    for (const item of items) {
      const loc = item.location;
      if (!loc || loc.lat == null || loc.lon == null) continue;
      const marker = L.circleMarker([loc.lat, loc.lon], {
        radius: sizeOf(item),
        color: "#1b1b1b",
        weight: 1,
        fillColor: COLOURS[item.type] || "#666",
        fillOpacity: 0.85,
      });
      marker.item = item;
      markers.push(marker);
    }
    clusters.addLayers(markers);
    element.dataset.points = String(markers.length);
    if (!fitted && markers.length) {
      fitted = true;
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 6 });
    }
  }

  function refineBoundaries() {
    if (detailed) return;
    detailed = true;
    const coarse = countries;
    countries = drawCountries(map, "countries-50m.json").then(async (layer) => {
      (await coarse)?.remove();
      return layer;
    });
  }

  let ring = null; // the open event's place
  function highlight(item) {
    ring?.remove();
    ring = null;
    const loc = item?.location;
    if (!loc || loc.lat == null || loc.lon == null) return;
    ring = L.circleMarker([loc.lat, loc.lon], { radius: 14, color: "#1a4fd6", weight: 3, fill: false, interactive: false });
    ring.addTo(map);
    if (!map.getBounds().contains(ring.getLatLng())) map.panTo(ring.getLatLng());
  }

  // Drawing a box: press, drag and release on the map (mouse, pen or touch) while drawing is on;
  // the map does not pan meanwhile. The box stays shown (dashed) while it filters.
  let box = null;
  let drawing = null;
  function drawBox(onDrawn) {
    stopDrawing();
    map.dragging.disable();
    let start = null;
    let shape = null;
    const at = (e) => map.mouseEventToLatLng(e);
    const down = (e) => {
      if (e.button !== 0 || e.target.closest(".leaflet-control")) return;
      e.preventDefault();
      e.stopPropagation();
      element.setPointerCapture(e.pointerId);
      start = at(e);
      shape = L.rectangle(L.latLngBounds(start, start), { color: "#1a4fd6", weight: 2, interactive: false }).addTo(map);
    };
    const move = (e) => {
      if (!start) return;
      e.stopPropagation();
      shape.setBounds(L.latLngBounds(start, at(e)));
    };
    const up = (e) => {
      if (!start) return;
      e.stopPropagation();
      const bounds = L.latLngBounds(start, at(e));
      shape.remove();
      start = null;
      const size = map.latLngToContainerPoint(bounds.getNorthEast()).subtract(map.latLngToContainerPoint(bounds.getSouthWest()));
      if (Math.abs(size.x) < 4 || Math.abs(size.y) < 4) return; // a click, not a box
      onDrawn(textOf(bounds));
    };
    const options = { capture: true };
    element.addEventListener("pointerdown", down, options);
    element.addEventListener("pointermove", move, options);
    element.addEventListener("pointerup", up, options);
    element.classList.add("drawing");
    drawing = () => {
      element.removeEventListener("pointerdown", down, options);
      element.removeEventListener("pointermove", move, options);
      element.removeEventListener("pointerup", up, options);
      element.classList.remove("drawing");
      shape?.remove();
      map.dragging.enable();
    };
  }

  function stopDrawing() {
    drawing?.();
    drawing = null;
  }

  function showBox(bbox) {
    const [minLon, minLat, maxLon, maxLat] = bbox.split(",").map(Number);
    const east = maxLon < minLon ? maxLon + 360 : maxLon; // a box across the antimeridian
    box?.remove();
    box = L.rectangle([[minLat, minLon], [maxLat, east]], {
      color: "#1a4fd6", weight: 2, dashArray: "6 4", fill: true, fillOpacity: 0.06, interactive: false,
    }).addTo(map);
    element.dataset.box = bbox;
  }

  function clearBox() {
    box?.remove();
    box = null;
    delete element.dataset.box;
  }

  return {
    show,
    highlight,
    drawBox,
    stopDrawing,
    showBox,
    clearBox,
    refineBoundaries,
    bounds: () => boundsText(map),
    setView(bbox) {
      const [minLon, minLat, maxLon, maxLat] = bbox.split(",").map(Number);
      fitted = true;
      quiet = true;
      map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { animate: false });
    },
    invalidate: () => map.invalidateSize(),
  };
}

function describe(item) {
  const occurred = item.occurred ? ` · ${item.occurred.start}` : "";
  return `${item.type} · ${item.location.name}${occurred}`.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function fatalitiesRadius(item) {
  const killed = item.casualties?.killed ?? item.casualties?.killed_low ?? 0;
  return 5 + Math.min(15, Math.sqrt(killed) * 1.6);
}

export function sourcesRadius(item) {
  const sources = typeof item.sources === "number" ? item.sources : item.sources?.articles ?? 1;
  return 5 + Math.min(15, Math.sqrt(Math.max(0, sources - 1)) * 4);
}

function clusterIcon(cluster) {
  const count = cluster.getChildCount();
  const size = count < 10 ? 30 : count < 100 ? 36 : 44;
  return L.divIcon({ html: String(count), className: "cluster", iconSize: [size, size] });
}

function boundsText(map) {
  return textOf(map.getBounds());
}

// A box as the API's bbox: minLon,minLat,maxLon,maxLat, longitudes folded into [-180, 180].
function textOf(b) {
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  let west = b.getWest();
  let east = b.getEast();
  if (east - west >= 360) {
    west = -180;
    east = 180;
  } else {
    west = ((((west + 180) % 360) + 360) % 360) - 180;
    east = ((((east + 180) % 360) + 360) % 360) - 180;
  }
  const parts = [west, clamp(b.getSouth(), -90, 90), east, clamp(b.getNorth(), -90, 90)];
  return parts.map((v) => v.toFixed(3)).join(",");
}

async function drawCountries(map, file) {
  const response = await fetch(`/vendor/world-atlas/${file}`);
  const topology = await response.json();
  const countries = window.topojson.feature(topology, topology.objects.countries);
  for (const feature of countries.features) unwrapAntimeridian(feature.geometry);
  const layer = L.geoJSON(countries, {
    style: { color: "#8a8a84", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
    interactive: false,
    pane: "countries",
  }).addTo(map);
  map.getPane("countries").dataset.countries = String(countries.features.length);
  return layer;
}

// Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180; drawn as they are,
// they streak across the map. Shift their western points by 360° so each ring is continuous.
function unwrapAntimeridian(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const crosses = ring.some((point, i) => i > 0 && Math.abs(point[0] - ring[i - 1][0]) > 180);
      if (crosses) for (const point of ring) if (point[0] < 0) point[0] += 360;
    }
  }
}
