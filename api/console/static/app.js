// The console's entry point: the hash router (#/overview, #/user/<id>, …, so
// back and forward work), the search box, signing out, and asking for the
// key again in a tab that has none (the key lives in one tab's storage).

import {KEY, api, errorBox, fill, h, loadVocabulary} from "./util.js";
import {hideBanner, startPage} from "./page.js";
import {auditPage} from "./audit.js";
import {financingPage} from "./financing.js";
import {overviewPage, rewardsPage} from "./dashboards.js";
import {rulesPage, signalsPage, withdrawalsPage} from "./operations.js";
import {searchPage, userPage} from "./user.js";
import {webhookPage, webhooksPage} from "./webhooks.js";

const view = document.getElementById("view");
const NOTICE = "refgraph.notice";

const routes = [
  [/^#\/overview$/, () => overviewPage(view)],
  [/^#\/rewards$/, () => rewardsPage(view)],
  [/^#\/withdrawals$/, () => withdrawalsPage(view)],
  [/^#\/financing(?:\?(.*))?$/, (search) => financingPage(view, search || "")],
  [/^#\/rules$/, () => rulesPage(view)],
  [/^#\/signals(?:\?kind=([a-z_]*))?$/, (kind) => signalsPage(view, kind || "")],
  [/^#\/audit(?:\?(.*))?$/, (search) => auditPage(view, search || "")],
  [/^#\/webhooks$/, () => webhooksPage(view)],
  [/^#\/webhooks\/(.+)$/, (id) => webhookPage(view, decoded(id))],
  [/^#\/user\/(.+)$/, (id) => userPage(view, decoded(id))],
  [/^#\/search\/(.*)$/, (q) => searchPage(view, decoded(q))],
];

function decoded(part) {
  try {
    return decodeURIComponent(part);
  } catch (error) {   // a hand-typed "%" that starts no escape
    return part;
  }
}

function route() {
  if (!sessionStorage.getItem(KEY)) {
    unlock();
    return;
  }
  hideBanner();
  const hash = location.hash || "#/overview";
  if (!hash.startsWith("#/search/")) document.getElementById("search-input").value = "";
  for (const [pattern, draw] of routes) {
    const match = pattern.exec(hash);
    if (match) {
      markSection(hash);
      draw(...match.slice(1));
      window.scrollTo(0, 0);
      return;
    }
  }
  location.replace("#/overview");
}

function markSection(hash) {
  const section = hash.split("/")[1].split("?")[0];
  for (const link of document.querySelectorAll("nav.tabs a")) {
    if (link.dataset.section === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

/** A tab without the key (opened from another tab): ask for it again. */
function unlock() {
  startPage();
  const input = h("input", {id: "unlock-key", type: "password", autocomplete: "off",
    spellcheck: "false", placeholder: "rgk_…", required: true});
  const problem = h("div");
  const notice = sessionStorage.getItem(NOTICE);
  sessionStorage.removeItem(NOTICE);
  const form = h("form", {class: "unlock", id: "unlock-form"},
    h("label", {for: "unlock-key"}, "Operator API key"), input,
    h("button", {type: "submit"}, "Continue"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, input.value.trim());
    try {
      await api("GET", "/v1/rules");
      route();
    } catch (error) {
      sessionStorage.removeItem(KEY);
      fill(problem, errorBox(error, "Checking the key"));
    }
  });
  fill(view, h("section", {class: "panel narrow"},
    h("h2", {}, "This tab needs your key"),
    notice ? h("p", {class: "error-box"}, notice) : null,
    h("p", {}, "The console keeps the operator key in one browser tab only. Paste it again " +
      "to use this tab, or sign out."), form, problem));
  input.focus();
}

// The API refused the key (revoked, or mistyped in this tab): start again
// from /console, which signs the session out if the key no longer works.
let leaving = false;
window.addEventListener("refgraph:unauthorized", (event) => {
  if (leaving) return;           // several calls may be refused at once
  leaving = true;
  sessionStorage.removeItem(KEY);
  sessionStorage.setItem(NOTICE, `The API refused the key: ${event.detail.message}`);
  location.assign("/console");
});

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = "#/search/" + encodeURIComponent(q);
});

document.getElementById("signout-form").addEventListener("submit", () => {
  sessionStorage.removeItem(KEY);
});

// The pages read roles, statuses and signal kinds from the server's
// vocabulary, so it is loaded before the first page is drawn.
async function start() {
  try {
    await loadVocabulary();
  } catch (error) {
    if (error.status === 401) {       // the session ended: the sign-in page says why
      location.assign("/console");
      return;
    }
    fill(view, errorBox(error, "Loading the console"));
    return;
  }
  window.addEventListener("hashchange", route);
  route();
}

start();
