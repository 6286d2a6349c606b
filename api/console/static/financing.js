// Consumer finance, per partner institution: the queue of financing
// applications (cancel one the institution has not decided), and the
// reconciliations of its statements with each mismatch to resolve with a
// reason.  The institution is in the hash (#/financing?institution=…).

import {api, errorBox, fill, h, money, query, userLink, vocabulary, when} from "./util.js";
import {badge, bannerError, loading, panel, showBanner, startPage, table} from "./page.js";

let applicationStatus = "applied";

export async function financingPage(view, search) {
  const stale = startPage();
  const wanted = new URLSearchParams(search || "").get("institution") || "";
  const head = h("div", {}, loading());
  fill(view, h("h1", {}, "Financing"), head);
  let found;
  try {
    found = await api("GET", "/v1/institutions" + query({limit: 500}));
  } catch (error) {
    if (!stale()) fill(head, errorBox(error, "Reading the institutions"));
    return;
  }
  if (stale()) return;
  if (!found.items.length) {
    fill(head, h("p", {class: "empty", id: "no-institutions"}, "No institution is registered yet: " +
      "'refgraph institutions add ID --name … --services consumer_credit,payouts'."));
    return;
  }
  const chosen = found.items.find((i) => i.id === wanted) || found.items[0];
  const picker = h("select", {id: "institution", "aria-label": "institution"},
    found.items.map((i) => h("option", {value: i.id, selected: i.id === chosen.id},
      `${i.name} (${i.id})`)));
  picker.addEventListener("change", () => {
    location.hash = "#/financing?institution=" + encodeURIComponent(picker.value);
  });
  const queue = h("div", {}, loading());
  const reconciliations = h("div", {}, loading());
  fill(head,
    h("div", {class: "tools"}, h("label", {class: "tool"}, "institution ", picker),
      badge(chosen.status), h("span", {class: "muted", id: "institution-facts"},
        chosen.services.join(", "), " · fee ", `${chosen.fee_bp / 100} %`, " · per-buyer limit ",
        chosen.buyer_limit === null ? "none" : money(chosen.buyer_limit))),
    h("div", {class: "grid"},
      panel("Applications", {id: "applications", wide: true, tools: statusFilter(view, search)},
        queue),
      panel("Reconciliations", {id: "reconciliations", wide: true}, reconcileForm(view, search, chosen),
        reconciliations)));
  loadQueue(view, search, queue, stale, chosen, null, []);
  loadReconciliations(view, search, reconciliations, stale, chosen);
}

function statusFilter(view, search) {
  const filter = h("select", {id: "application-status", "aria-label": "status"},
    [...vocabulary.financing_statuses, ""].map((st) =>
      h("option", {value: st, selected: st === applicationStatus}, st || "any status")));
  filter.addEventListener("change", () => { applicationStatus = filter.value; financingPage(view, search); });
  return h("label", {class: "tool"}, "status ", filter);
}

async function loadQueue(view, search, body, stale, institution, cursor, earlier) {
  let page;
  try {
    page = await api("GET", "/v1/financing/applications" + query({
      institution_id: institution.id, status: applicationStatus, limit: 50, cursor}));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the applications"));
    return;
  }
  if (stale()) return;
  const rows = earlier.concat(page.items);
  if (!rows.length) {
    fill(body, h("p", {class: "empty"}, applicationStatus === "applied"
      ? "No application is waiting for this institution." : "No application with this status."));
    return;
  }
  const more = page.next_cursor ? h("button", {type: "button", class: "quiet"}, "More") : null;
  if (more) more.addEventListener("click", () =>
    loadQueue(view, search, body, stale, institution, page.next_cursor, rows));
  fill(body, table([
    {head: "Sale", cell: (a) => h("code", {}, a.id)},
    {head: "Buyer", cell: (a) => userLink(a.buyer_id)},
    {head: "Merchant", cell: (a) => userLink(a.merchant_id)},
    {head: "Financed", cell: (a) => money(a.amount), cls: "num"},
    {head: "Fee", cell: (a) => money(a.fee), cls: "num"},
    {head: "Installments", cell: (a) => String(a.installments), cls: "num"},
    {head: "Status", cell: (a) => [badge(a.status), a.reason ? h("div", {class: "muted"}, a.reason) : null]},
    {head: "Applied", cell: (a) => when(a.applied_at)},
    {head: "Lapses at · cancel", cell: (a) => a.status === "applied" ? cancel(view, search, a, stale)
      : h("span", {class: "muted"}, "–")},
  ], rows, {cls: "applications", key: (a) => a.id}), more);
}

function cancel(view, search, application, stale) {
  const reason = h("input", {type: "text", placeholder: "reason (optional)", maxlength: 500,
    class: "reason", "aria-label": `reason for cancelling ${application.id}`});
  const button = h("button", {type: "button", class: "danger", dataset: {action: "cancel"}}, "Cancel");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await api("POST", `/v1/financing/applications/${encodeURIComponent(application.id)}/cancel`,
        {reason: reason.value.trim() || null});
      if (!stale()) financingPage(view, search);
      showBanner("ok", `Application ${application.id} cancelled: its sale is void.`);
    } catch (error) {
      button.disabled = false;
      bannerError(error, `Cancelling ${application.id}`);
    }
  });
  return h("div", {class: "decide"}, h("span", {class: "muted"}, when(application.lapse_at)),
    reason, button);
}

function reconcileForm(view, search, institution) {
  const period = h("input", {id: "reconcile-period", type: "text", placeholder: "2026-10",
    required: true, maxlength: 10, "aria-label": "period", class: "filter"});
  const file = h("input", {id: "reconcile-file", type: "file", accept: ".csv,text/csv", required: true,
    "aria-label": "the institution's statement"});
  const form = h("form", {id: "reconcile-form", class: "tools"},
    h("span", {class: "muted"}, "Their statement:"), period, file,
    h("button", {type: "submit"}, "Reconcile"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const report = await api("POST",
        `/v1/institutions/${encodeURIComponent(institution.id)}/reconciliations`,
        {period: period.value.trim(), statement: await chosen.text(),
         id: "rec-" + Date.now().toString(36)});
      financingPage(view, search);
      showBanner(report.mismatches ? "error" : "ok", `Reconciliation ${report.id} of ` +
        `${report.period}: ${report.mismatches} mismatch(es).`);
    } catch (error) {
      button.disabled = false;
      bannerError(error, "Reconciling the statement");
    }
  });
  return h("div", {}, form, h("p", {class: "muted"}, "A reconciliation changes nothing: it " +
    "lists what differs, and each mismatch is resolved with a reason."));
}

async function loadReconciliations(view, search, body, stale, institution) {
  let page;
  const base = `/v1/institutions/${encodeURIComponent(institution.id)}/reconciliations`;
  try {
    page = await api("GET", base + query({limit: 20}));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the reconciliations"));
    return;
  }
  if (stale()) return;
  if (!page.items.length) {
    fill(body, h("p", {class: "empty"}, "No statement of this institution was reconciled yet."));
    return;
  }
  const detail = h("div", {id: "reconciliation"});
  fill(body, table([
    {head: "Id", cell: (r) => {
      const open = h("a", {href: "#", class: "open-reconciliation"}, h("code", {}, r.id));
      open.addEventListener("click", (event) => {
        event.preventDefault();
        showReconciliation(view, search, detail, base, r.id, stale);
      });
      return open;
    }},
    {head: "Period", cell: (r) => r.period},
    {head: "When", cell: (r) => when(r.at)},
    {head: "Rows", cell: (r) => `${r.ours} / ${r.theirs}`, cls: "num"},
    {head: "Open", cell: (r) => r.open ? badge(`${r.open} open`, "failed")
      : badge("resolved", "completed")},
  ], page.items, {cls: "reconciliations", key: (r) => r.id}), detail);
  showReconciliation(view, search, detail, base, page.items[0].id, stale);
}

async function showReconciliation(view, search, where, base, id, stale) {
  let report;
  try {
    report = await api("GET", `${base}/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!stale()) fill(where, errorBox(error, `Reading ${id}`));
    return;
  }
  if (stale()) return;
  const side = (status, amount) => status === null ? h("span", {class: "muted"}, "missing")
    : [status, " ", money(amount)];
  fill(where, h("h3", {}, `Mismatches of ${report.id} (${report.period})`),
    report.items.length ? table([
      {head: "#", cell: (m) => String(m.n), cls: "num"},
      {head: "Item", cell: (m) => [h("span", {class: "muted"}, m.kind, " "), h("code", {}, m.reference)]},
      {head: "Problem", cell: (m) => badge(m.problem.replaceAll("_", " "), "signal")},
      {head: "refgraph", cell: (m) => side(m.ours_status, m.ours_amount)},
      {head: "Institution", cell: (m) => side(m.theirs_status, m.theirs_amount)},
      {head: "Resolution", cell: (m) => m.resolved_at
        ? [m.resolution, h("div", {class: "muted"}, when(m.resolved_at), " by ", m.resolved_by)]
        : resolve(view, search, where, base, report, m, stale)},
    ], report.items, {cls: "mismatches", key: (m) => String(m.n)})
      : h("p", {class: "empty"}, "Both statements agree."));
}

function resolve(view, search, where, base, report, mismatch, stale) {
  const reason = h("input", {type: "text", placeholder: "what was found and done", maxlength: 500,
    class: "reason", required: true, "aria-label": `resolution of mismatch ${mismatch.n}`});
  const button = h("button", {type: "button", dataset: {action: "resolve"}}, "Resolve");
  button.addEventListener("click", async () => {
    if (!reason.value.trim()) { reason.focus(); return; }
    button.disabled = true;
    try {
      await api("POST", `${base}/${encodeURIComponent(report.id)}/mismatches/${mismatch.n}/resolution`,
        {reason: reason.value.trim()});
      showBanner("ok", `Mismatch ${mismatch.n} of ${report.id} resolved.`);
      if (!stale()) financingPage(view, search);
    } catch (error) {
      button.disabled = false;
      bannerError(error, `Resolving mismatch ${mismatch.n}`);
    }
  });
  return h("div", {class: "decide"}, reason, button);
}
