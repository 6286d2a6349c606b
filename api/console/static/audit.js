// The audit trail: every operator action (rule changes, withdrawal decisions
// and payouts, user status and referrers, API keys, reward runs, vouchers),
// newest first, with who did it and what changed.  The filters live in the
// hash (#/audit?action=…&subject_id=…&actor=…), so back and forward work and
// a subject or an actor is one click away.

import {api, errorBox, fill, h, query, userLink, vocabulary, when} from "./util.js";
import {loading, panel, startPage, table} from "./page.js";

const FILTERS = ["action", "subject_id", "actor"];

/** The hash of the audit page with these filters. */
export function auditHref(filters) {
  return "#/audit" + query(Object.fromEntries(FILTERS.map((f) => [f, filters[f] || ""])));
}

export function auditPage(view, search) {
  const stale = startPage();
  const params = new URLSearchParams(search || "");
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) || ""]));
  const body = h("div", {}, loading());
  const action = h("select", {id: "audit-action", name: "action", "aria-label": "action"},
    ["", ...vocabulary.audit_actions].map((a) =>
      h("option", {value: a, selected: a === filters.action}, a || "every action")));
  const text = (id, name, placeholder) => h("input", {id, name,
    type: "search", value: filters[name], placeholder, maxlength: 128, autocomplete: "off",
    spellcheck: "false", "aria-label": placeholder, class: "filter"});
  const subject = text("audit-subject", "subject_id", "subject id");
  const actor = text("audit-actor", "actor", "key id or OS user");
  const form = h("form", {id: "audit-filters", class: "tools"}, action, subject, actor,
    h("button", {type: "submit"}, "Filter"),
    Object.values(filters).some(Boolean) ? h("a", {href: "#/audit", id: "audit-clear"}, "clear") : null);
  const apply = (event) => {
    if (event) event.preventDefault();
    location.hash = auditHref({action: action.value, subject_id: subject.value.trim(),
      actor: actor.value.trim()});
  };
  form.addEventListener("submit", apply);
  action.addEventListener("change", () => apply());
  fill(view, h("h1", {}, "Audit"),
    panel("Operator actions", {id: "audit", wide: true, tools: form},
      h("p", {class: "muted"}, "Every change an operator made, through the API, the console or " +
        "'refgraph' commands, and the institution's payout confirmations; newest first."),
      body));
  loadEvents(body, stale, filters, null, []);
}

async function loadEvents(body, stale, filters, cursor, earlier) {
  let page;
  try {
    page = await api("GET", "/v1/audit" + query({...filters, limit: 50, cursor}));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the audit trail"));
    return;
  }
  if (stale()) return;
  const rows = earlier.concat(page.items);
  if (!rows.length) {
    fill(body, h("p", {class: "empty"}, Object.values(filters).some(Boolean)
      ? "No action matches these filters." : "No operator action recorded yet."));
    return;
  }
  const more = page.next_cursor ? h("button", {type: "button", class: "quiet", id: "audit-more"},
    "More") : null;
  if (more) more.addEventListener("click", () => {
    more.disabled = true;
    loadEvents(body, stale, filters, page.next_cursor, rows);
  });
  fill(body, table([
    {head: "When", cell: (e) => when(e.at)},
    {head: "Action", cell: (e) => h("a", {href: auditHref({action: e.action}), class: "action"},
      h("code", {}, e.action))},
    {head: "Subject", cell: subjectCell},
    {head: "By", cell: actorCell},
    {head: "Change", cell: changeCell},
  ], rows, {cls: "audit", key: (e) => e.id}), more);
}

function subjectCell(event) {
  const {type, id} = event.subject;
  const filter = h("a", {href: auditHref({subject_id: id}), class: "subject",
    title: `every action on ${type} ${id}`}, h("code", {}, id));
  return [h("span", {class: "muted"}, type.replaceAll("_", " "), " "), filter,
    type === "user" ? [" ", userLink(id, "open")] : null];
}

function actorCell(event) {
  const {type, id, role} = event.actor;
  const who = h("a", {href: auditHref({actor: id}), class: "actor", title: "every action by " + id},
    h("code", {}, id));
  const kind = type === "api_key" ? `${role || "?"} key` : type === "cli" ? "command line" : type;
  return [h("span", {class: "muted"}, kind, " "), who,
    event.request_id ? h("div", {class: "muted small"}, "request ", h("code", {}, event.request_id))
      : null];
}

/** Objects one level deep as "a.b" keys, so a rule change shows its fields. */
function flat(value) {
  const out = {};
  for (const [key, inner] of Object.entries(value || {})) {
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      for (const [k, v] of Object.entries(inner)) out[`${key}.${k}`] = v;
    } else {
      out[key] = inner;
    }
  }
  return out;
}

function shown(value) {
  if (value === undefined || value === null) return "–";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function changeCell(event) {
  const before = flat(event.before);
  const after = flat(event.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = event.before === null ? fields
    : fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  const lines = changed.map((f) => h("li", {}, h("code", {}, f), ": ",
    event.before === null ? shown(after[f]) : [shown(before[f]), " → ", shown(after[f])]));
  return [
    event.before === null ? h("span", {class: "muted"}, "new") : null,
    lines.length ? h("ul", {class: "changes"}, lines) : h("span", {class: "muted"}, "no field changed"),
    h("details", {}, h("summary", {}, "before / after"),
      h("pre", {}, JSON.stringify({before: event.before, after: event.after}, null, 2))),
  ];
}
