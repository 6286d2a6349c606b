// The console's small toolbox: building DOM and SVG without innerHTML (so no
// value from the API is ever parsed as markup), calling the /v1 API with the
// key of this tab, the words the server defines, and formatting money and times.

export const KEY = "refgraph.key";
const SVG_NS = "http://www.w3.org/2000/svg";
const UNREACHABLE = {code: "unreachable",
  message: "refgraph did not answer; check that the server runs, then try again."};

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: h("a", {href: "#/"}, "text", otherNode, [more]). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, same calling convention as h(). */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** An error answered by the API: its body is {code, status, message, errors}. */
export class ApiError extends Error {
  constructor(status, body, path) {
    const message = (body && body.message) || `The server answered ${status}.`;
    super(message);
    this.status = status;
    this.code = (body && body.code) || "http_" + status;
    this.errors = (body && body.errors) || {};
    this.path = path;
  }
}

/** Call the /v1 API with this tab's key; resolves to the JSON body. */
export async function api(method, path, body) {
  const key = sessionStorage.getItem(KEY);
  if (!key) throw new ApiError(401, {code: "no_key", message: "This tab has no API key."}, path);
  const headers = {Authorization: "Bearer " + key, Accept: "application/json"};
  const init = {method, headers, cache: "no-store", credentials: "same-origin"};
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  try {
    return await answer(path, init);
  } catch (error) {
    if (error.status === 401) window.dispatchEvent(new CustomEvent("refgraph:unauthorized",
      {detail: error}));
    throw error;
  }
}

/** The JSON body of a request, or an ApiError. */
async function answer(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch (exc) {
    throw new ApiError(0, UNREACHABLE, path);
  }
  let data = null;
  try { data = await response.json(); } catch (exc) { data = null; }
  if (!response.ok) throw new ApiError(response.status, data, path);
  return data;
}

/**
 * The words the server defines once (graph/vocabulary.py): roles, statuses,
 * signal kinds.  Filled by loadVocabulary() before the first page is drawn.
 */
export const vocabulary = {};

/** Load the vocabulary from the console's own session (no API key needed). */
export async function loadVocabulary() {
  const words = await answer("/console/vocabulary.json", {method: "GET", cache: "no-store",
    credentials: "same-origin", headers: {Accept: "application/json"}});
  Object.assign(vocabulary, words);
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  const text = q.toString();
  return text ? "?" + text : "";
}

const grouped = new Intl.NumberFormat("en-US");

/** Integer minor units as 1,234.56 (exact: no floating point). */
export function money(minor) {
  if (minor === null || minor === undefined) return "–";
  const n = Math.trunc(Number(minor));
  const abs = Math.abs(n);
  const text = grouped.format(Math.floor(abs / 100)) + "." + String(abs % 100).padStart(2, "0");
  return (n < 0 ? "−" : "") + text;
}

export function count(n) {
  return n === null || n === undefined ? "–" : grouped.format(n);
}

/** Basis points as a percentage: 1500 -> "15 %". */
export function percent(bp) {
  return bp === null || bp === undefined ? "–" : `${Number(bp) / 100} %`;
}

/** Epoch ms as "2026-10-03 14:05 UTC". */
export function when(ms) {
  if (ms === null || ms === undefined) return "–";
  const iso = new Date(Number(ms)).toISOString();
  return iso.slice(0, 10) + " " + iso.slice(11, 16) + " UTC";
}

export function day(ms) {
  return ms === null || ms === undefined ? "–" : new Date(Number(ms)).toISOString().slice(0, 10);
}

export function userHref(id) {
  return "#/user/" + encodeURIComponent(id);
}

/** A link to a user's page. */
export function userLink(id, label) {
  return h("a", {href: userHref(id), class: "user-link"}, label || id);
}

/** The one colour-giving role of a user: the first of the server's role
 * priority (merchant, card holder, buyer) they have, else "root". */
export function mainRole(roles) {
  roles = roles || [];
  return vocabulary.role_priority.find((role) => roles.includes(role)) || "root";
}

// Roles as written on screen, where that differs from the name the server sends.
const ROLE_NAMES = {cardholder: "card holder", root: "root / no role"};

export function roleName(role) {
  return ROLE_NAMES[role] || role;
}

/** The on-screen form of an API error: what failed, the message, field errors. */
export function errorBox(error, what) {
  const fields = Object.entries((error && error.errors) || {});
  const status = error && error.status ? `${error.status} ${error.code}` : (error && error.code) || "error";
  return h("div", {class: "error-box", role: "alert"},
    h("strong", {}, what ? `${what} failed` : "Failed"), " ",
    h("span", {class: "code"}, `(${status})`), ": ",
    h("span", {class: "message"}, (error && error.message) || String(error)),
    fields.length ? h("ul", {class: "field-errors"}, fields.map(([field, messages]) =>
      h("li", {}, h("code", {}, field), ": ", [].concat(messages).map((m) =>
        typeof m === "string" ? m : JSON.stringify(m)).join(" ")))) : null);
}

/**
 * A box whose content is drawn by `draw(width)` at its real width in pixels
 * (so text in SVG is never scaled down), again whenever that width changes.
 */
export function responsive(cls, draw, afterDraw) {
  const holder = h("div", {class: "responsive " + cls});
  let drawnAt = 0;
  new ResizeObserver(() => {
    const width = Math.floor(holder.clientWidth);
    if (!width || Math.abs(width - drawnAt) < 8) return;
    drawnAt = width;
    // drawn in the next frame: a change of size inside the observer's own
    // callback would be an observer loop
    requestAnimationFrame(() => {
      holder.replaceChildren(draw(width));
      if (afterDraw) afterDraw(holder);
    });
  }).observe(holder);
  return holder;
}

/** Replace a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  build(node, {}, children);
  return node;
}
