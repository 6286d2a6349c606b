// What every page of the console shares: panels, the banner for the outcome
// of an action, and the "analytics not computed yet" answer.

import {api, errorBox, fill, h, when} from "./util.js";

let shown = 0;

/** Start drawing a page; `stale()` tells an answer arriving for a page left since. */
export function startPage() {
  const token = ++shown;
  return () => token !== shown;
}

/** A titled section of a page, with an optional toolbar. */
export function panel(title, opts = {}, ...children) {
  return h("section", {class: "panel" + (opts.wide ? " wide" : ""), id: opts.id || null},
    h("div", {class: "panel-head"}, h("h2", {}, title), opts.tools || null),
    ...children);
}

export function loading(text = "Loading…") {
  return h("p", {class: "loading"}, text);
}

/** Say how an action went, at the top of the page. */
export function showBanner(kind, ...content) {
  const banner = document.getElementById("banner");
  fill(banner, ...content);
  banner.className = "banner " + kind;
  banner.hidden = false;
  banner.scrollIntoView({block: "nearest"});
}

export function hideBanner() {
  const banner = document.getElementById("banner");
  banner.hidden = true;
  banner.replaceChildren();
}

export function bannerError(error, what) {
  showBanner("error", errorBox(error, what));
}

/**
 * The whole-network analytics, or null after drawing into `where` the offer
 * to compute them when they never were (404 no_snapshot); other errors throw.
 */
export async function summaryOrOffer(where, onComputed) {
  try {
    return await api("GET", "/v1/analytics/summary");
  } catch (error) {
    if (error.code !== "no_snapshot") throw error;
    const button = h("button", {type: "button", id: "compute-analytics"}, "Compute now");
    const status = h("span", {class: "muted"});
    button.addEventListener("click", async () => {
      button.disabled = true;
      fill(status, " computing, this reads the whole network…");
      try {
        await api("POST", "/v1/analytics/refresh");
        onComputed();
      } catch (failure) {
        button.disabled = false;
        fill(status, errorBox(failure, "Computing the analytics"));
      }
    });
    fill(where, h("div", {class: "notice-box"},
      h("p", {}, "The network analytics have not been computed yet. ", error.message),
      h("p", {}, button, status)));
    return null;
  }
}

/** "computed at …" with a button recomputing the analytics. */
export function computedAt(summary, onComputed) {
  const button = h("button", {type: "button", class: "quiet", id: "refresh-analytics"},
    "Recompute");
  button.addEventListener("click", async () => {
    button.disabled = true;
    button.textContent = "Computing…";
    try {
      await api("POST", "/v1/analytics/refresh");
      onComputed();
    } catch (error) {
      button.disabled = false;
      button.textContent = "Recompute";
      bannerError(error, "Recomputing the analytics");
    }
  });
  return h("span", {class: "computed"}, h("span", {class: "muted"},
    "computed ", when(summary.computed_at), " "), button);
}

/** A <table> from column specs [{head, cell(row), cls}] and rows. */
export function table(columns, rows, opts = {}) {
  return h("div", {class: "table-wrap"}, h("table", {class: opts.cls || null},
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", {class: c.cls || null, scope: "col"}, c.head)))),
    h("tbody", {}, rows.map((row) => h("tr", {dataset: opts.key ? {id: opts.key(row)} : null},
      columns.map((c) => h("td", {class: c.cls || null, "data-head": c.head}, c.cell(row))))))));
}

export function badge(text, kind) {
  return h("span", {class: `badge ${kind || text}`}, text);
}
