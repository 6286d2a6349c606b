// What operators act on: pending withdrawals (approve or reject), the rules
// in force and their history, and the open fraud signals.

import {api, count, day, errorBox, fill, h, money, percent, query, userLink, vocabulary,
  when} from "./util.js";
import {badge, bannerError, loading, panel, showBanner, startPage, summaryOrOffer,
  table} from "./page.js";

let withdrawalStatus = "requested";

// ---- withdrawals -----------------------------------------------------------

export function withdrawalsPage(view) {
  const stale = startPage();
  const body = h("div", {}, loading());
  const filter = h("select", {id: "withdrawal-status", "aria-label": "status"},
    [...vocabulary.withdrawal_statuses, ""].map((st) =>
      h("option", {value: st, selected: st === withdrawalStatus}, st || "any status")));
  filter.addEventListener("change", () => { withdrawalStatus = filter.value; withdrawalsPage(view); });
  fill(view, h("h1", {}, "Withdrawals"),
    panel(withdrawalStatus === "requested" ? "Waiting for a decision" : "Withdrawals",
      {id: "withdrawals", wide: true, tools: h("label", {class: "tool"}, "status ", filter)}, body));
  loadWithdrawals(view, body, stale, null, []);
}

async function loadWithdrawals(view, body, stale, cursor, earlier) {
  let page;
  try {
    page = await api("GET", "/v1/withdrawals" + query({status: withdrawalStatus, limit: 50, cursor}));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the withdrawals"));
    return;
  }
  if (stale()) return;
  const rows = earlier.concat(page.items);
  if (!rows.length) {
    fill(body, h("p", {class: "empty"}, withdrawalStatus === "requested"
      ? "No withdrawal is waiting for a decision." : "No withdrawal with this status."));
    return;
  }
  const more = page.next_cursor ? h("button", {type: "button", class: "quiet"}, "More") : null;
  if (more) more.addEventListener("click", () => loadWithdrawals(view, body, stale, page.next_cursor, rows));
  fill(body, table([
    {head: "Id", cell: (w) => h("code", {}, w.id)},
    {head: "User", cell: (w) => userLink(w.user_id)},
    {head: "Amount", cell: (w) => money(w.amount), cls: "num"},
    {head: "Cash", cell: (w) => money(w.cash_amount), cls: "num"},
    {head: "Vouchers", cell: (w) => money(w.voucher_amount), cls: "num"},
    {head: "Status", cell: (w) => badge(w.status)},
    {head: "Requested", cell: (w) => when(w.requested_at)},
    {head: "Decision", cell: (w) => w.status === "requested" ? decide(view, w, stale)
      : [when(w.decided_at), w.reason ? h("div", {class: "muted"}, w.reason) : null]},
  ], rows, {cls: "withdrawals", key: (w) => w.id}), more);
}

function decide(view, withdrawal, stale) {
  const reason = h("input", {type: "text", placeholder: "reason (optional)", maxlength: 500,
    class: "reason", "aria-label": `reason for ${withdrawal.id}`});
  const act = (verb, past) => {
    const button = h("button", {type: "button", class: verb === "reject" ? "danger" : "",
      dataset: {action: verb}}, verb === "approve" ? "Approve" : "Reject");
    button.addEventListener("click", async () => {
      for (const b of button.parentNode.querySelectorAll("button")) b.disabled = true;
      try {
        await api("POST", `/v1/withdrawals/${encodeURIComponent(withdrawal.id)}/${verb}`,
          {reason: reason.value.trim() || null});
        if (!stale()) withdrawalsPage(view);
        showBanner("ok", `Withdrawal ${withdrawal.id} of ${money(withdrawal.amount)} ${past}.`);
      } catch (error) {
        for (const b of button.parentNode.querySelectorAll("button")) b.disabled = false;
        bannerError(error, `${verb === "approve" ? "Approving" : "Rejecting"} ${withdrawal.id}`);
      }
    });
    return button;
  };
  return h("div", {class: "decide"}, reason, act("approve", "approved"), act("reject", "rejected"));
}

// ---- rules -----------------------------------------------------------------

const RULES = [
  ["fee_bp", "Management fee on each sale", percent],
  ["tiers", "Reward tiers", (tiers) => h("span", {}, tiers.map((t) =>
    h("span", {class: "chip"}, `${t.min_referrals}+ → ${percent(t.share_bp)}`)))],
  ["count_basis", "Referrals counted for the tiers", (v) => v === "merchants"
    ? "referred merchants" : "all referees"],
  ["count_window", "Counted over", (v) => v === "all_time" ? "all time to the period's end"
    : "the period only"],
  ["level_shares", "Shares for levels 2…", (v) => v.length ? v.map(percent).join(", ")
    : "none (level 1 only)"],
  ["period", "Reward period", String],
  ["hold_days", "Hold before rewards are withdrawable", (v) => `${v} days`],
  ["referrers", "Who may refer", (v) => v.join(", ")],
  ["card_price", "Loyalty card price", money],
  ["card_voucher_count", "Vouchers with a card", count],
  ["card_voucher_amount", "Each card voucher", money],
  ["card_voucher_days", "Card vouchers valid", (v) => `${v} days`],
  ["allow_second_card", "Second card allowed", (v) => (v ? "yes" : "no")],
  ["points_bp", "Points on cash paid", percent],
  ["cashout_bp", "Withdrawals paid in cash", percent],
  ["min_withdrawal", "Smallest withdrawal", money],
  ["withdrawal_voucher_days", "Withdrawal vouchers valid", (v) => `${v} days`],
  ["financing_lapse_hours", "Financing lapses undecided after", (v) => `${v} hours`],
];

function ruleValue(field, value) {
  const spec = RULES.find(([name]) => name === field);
  if (value === undefined || value === null) return "–";
  return spec ? spec[2](value) : JSON.stringify(value);
}

export async function rulesPage(view) {
  const stale = startPage();
  const current = h("div", {}, loading());
  const history = h("div", {}, loading());
  fill(view, h("h1", {}, "Rules"), h("div", {class: "grid"},
    panel("In force", {id: "rules-current", wide: true}, current),
    panel("History", {id: "rules-history", wide: true}, history)));
  try {
    const [now, past] = await Promise.all([api("GET", "/v1/rules"), api("GET", "/v1/rules/history")]);
    if (stale()) return;
    fill(current,
      h("p", {class: "muted"}, `Version ${now.version}, in force since ${when(now.effective_from)}`,
        now.note ? ` · ${now.note}` : ""),
      h("dl", {class: "facts rules"}, RULES.map(([field, label]) =>
        h("div", {class: "fact"}, h("dt", {}, label), h("dd", {}, ruleValue(field, now.rules[field]))))),
      h("p", {class: "muted"}, "Change them with 'refgraph rules set FIELD=JSON' or POST /v1/rules; " +
        "a change applies from the next period."));
    const items = past.items;
    fill(history, table([
      {head: "Version", cell: (v) => "v" + v.version, cls: "num"},
      {head: "From", cell: (v) => when(v.effective_from)},
      {head: "Set", cell: (v) => [day(v.created_at), v.created_by ? ` by ${v.created_by}` : ""]},
      {head: "Note", cell: (v) => v.note || ""},
      {head: "Changes", cell: (v) => changes(v, items[items.indexOf(v) + 1])},
    ], items, {cls: "history"}));
  } catch (error) {
    if (stale()) return;
    fill(current, errorBox(error, "Reading the rules"));
    history.replaceChildren();
  }
}

function changes(version, previous) {
  if (!previous) return h("span", {class: "muted"}, "the first version");
  const changed = Object.keys(version.rules).filter((field) =>
    JSON.stringify(version.rules[field]) !== JSON.stringify(previous.rules[field]));
  if (!changed.length) return h("span", {class: "muted"}, "no change");
  return h("ul", {class: "changes"}, changed.map((field) => h("li", {}, h("code", {}, field), ": ",
    ruleValue(field, previous.rules[field]), " → ", ruleValue(field, version.rules[field]))));
}

// ---- fraud signals ---------------------------------------------------------

export async function signalsPage(view, kind) {
  const stale = startPage();
  const body = h("div", {}, loading());
  const filter = h("select", {id: "signal-kind", "aria-label": "kind"},
    ["", ...vocabulary.signal_kinds].map((k) => h("option", {value: k, selected: k === kind},
      k ? k.replaceAll("_", " ") : "every kind")));
  filter.addEventListener("change", () => {
    location.hash = filter.value ? "#/signals?kind=" + filter.value : "#/signals";
  });
  fill(view, h("h1", {}, "Fraud signals"),
    panel("Open signals", {id: "signals", wide: true, tools: h("label", {class: "tool"}, "kind ", filter)},
      h("p", {class: "muted"}, "A signal changes nothing by itself; open the user to look closer " +
        "and suspend them, which holds their pending rewards."), body));
  loadSignals(view, body, stale, kind, null, []);
}

async function loadSignals(view, body, stale, kind, cursor, earlier) {
  let page;
  try {
    page = await api("GET", "/v1/analytics/signals" + query({kind, limit: 50, cursor}));
  } catch (error) {
    if (stale()) return;
    if (error.code === "no_snapshot") {
      await summaryOrOffer(body, () => stale() || signalsPage(view, kind))
        .catch((e) => fill(body, errorBox(e)));
    } else {
      fill(body, errorBox(error, "Reading the signals"));
    }
    return;
  }
  if (stale()) return;
  const items = earlier.concat(page.items);
  if (!items.length) {
    fill(body, h("p", {class: "empty"}, "No open signal" + (kind ? " of this kind." : ".")));
    return;
  }
  const more = page.next_cursor ? h("button", {type: "button", class: "quiet"}, "More") : null;
  if (more) more.addEventListener("click", () => loadSignals(view, body, stale, kind, page.next_cursor, items));
  fill(body, h("ul", {class: "signal-list"}, items.map((sig) => h("li", {class: "signal"},
    h("div", {}, badge(sig.kind.replaceAll("_", " "), "signal"), " ", userLink(sig.subject)),
    h("p", {}, sig.message),
    sig.user_ids.length > 1 ? h("p", {class: "also"}, "involves ",
      sig.user_ids.map((u) => [userLink(u), " "])) : null,
    h("details", {}, h("summary", {}, "evidence"),
      h("pre", {}, JSON.stringify(sig.evidence, null, 2)))))), more);
}
