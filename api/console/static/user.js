// Finding a user, their card, and the picture of their neighbourhood.

import {api, count, day, errorBox, fill, h, mainRole, money, query, roleName, userHref,
  userLink} from "./util.js";
import {barChart} from "./charts.js";
import {neighbourhood, networkLegend} from "./network.js";
import {badge, bannerError, loading, panel, showBanner, startPage, table} from "./page.js";

// Picture settings stay as they are when moving from user to user.
const picture = {up: 2, depth: 2, sizeBy: "fees"};

export async function searchPage(view, q) {
  const stale = startPage();
  document.getElementById("search-input").value = q;
  const body = h("div", {}, loading("Searching…"));
  fill(view, panel(`Users matching “${q}”`, {id: "search-results"}, body));
  let result;
  try {
    result = await api("GET", "/v1/analytics/search" + query({q, limit: 50}));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "The search"));
    return;
  }
  if (stale()) return;
  const items = result.items;
  if (items.length === 1 || (items.length && items[0].id === q)) {
    location.replace(userHref(items[0].id));   // back skips the one-result list
    return;
  }
  if (!items.length) {
    fill(body, h("p", {class: "empty"}, "No user has this id, an id starting with it, or a " +
      "name containing it."));
    return;
  }
  fill(body, table([
    {head: "User", cell: (u) => userLink(u.id, u.name)},
    {head: "Id", cell: (u) => h("code", {}, u.id)},
    {head: "Roles", cell: (u) => roleChips(u.roles)},
    {head: "Status", cell: (u) => badge(u.status)},
  ], items, {cls: "results"}),
  items.length === 50 ? h("p", {class: "muted"}, "The first 50; type more to narrow.") : null);
}

function roleChips(roles) {
  if (!roles || !roles.length) return h("span", {class: "muted"}, "no role (a root)");
  return roles.map((role) => h("span", {class: `chip role-${role}`}, roleName(role)));
}

export function fact(label, value, id) {
  return h("div", {class: "fact", id: id || null}, h("dt", {}, label), h("dd", {}, value));
}

export async function userPage(view, id) {
  const stale = startPage();
  const cardBody = h("div", {}, loading());
  const pictureBody = h("div", {class: "picture"}, loading());
  const tools = pictureTools(() => drawPicture(id, pictureBody, stale));
  fill(view,
    h("div", {class: "user-head", id: "user-head"}, h("h1", {}, h("code", {}, id))),
    h("div", {class: "user-grid"},
      panel("Card", {id: "user-card"}, cardBody),
      panel("Neighbourhood", {id: "user-picture", wide: true, tools}, pictureBody)));
  drawCard(view, id, cardBody, stale);
  drawPicture(id, pictureBody, stale);
}

async function drawCard(view, id, body, stale) {
  let card;
  try {
    card = await api("GET", "/v1/analytics/users/" + encodeURIComponent(id));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the user"));
    return;
  }
  if (stale()) return;
  const {user, balances} = card;
  const role = mainRole(user.roles);
  fill(view.querySelector("#user-head"),
    h("h1", {}, h("span", {class: `dot-mark role-${role}`}), user.name, " ",
      h("code", {class: "muted"}, user.id)),
    h("div", {class: "chips"}, roleChips(user.roles), badge(user.status)),
    statusAction(user, () => drawCard(view, id, body, stale)));
  fill(body,
    h("dl", {class: "facts"},
      fact("Referrer", user.referrer_id ? userLink(user.referrer_id) : h("span", {class: "muted"},
        user.root ? "none: a root" : "none yet"), "fact-referrer"),
      fact("Joined", day(user.created_at)),
      fact("Referral code", h("code", {}, user.referral_code || "–")),
      fact("Direct referrals", count(card.direct), "fact-direct"),
      fact("Total downline", count(card.total_downline), "fact-downline"),
      fact("Levels below", count(card.levels.length))),
    card.levels.length > 1 ? barChart({title: "Downline per level", height: 150,
      labels: card.levels.map((l) => "L" + l.level),
      series: [{name: "users", values: card.levels.map((l) => l.count)}], format: count}) : null,
    h("h3", {}, "Balances"),
    h("dl", {class: "facts"},
      fact("Cash available", money(balances.cash_available), "fact-cash"),
      fact("Cash pending", money(balances.cash_pending)),
      fact("Points", count(balances.points)),
      fact("Vouchers", `${count(balances.vouchers)} · ${money(balances.voucher_balance)}`),
      fact("Fees of referred merchants", money(card.merchant_fees)),
      fact("Rewards (all lines)", money(card.rewards))),
    h("h3", {}, "Fraud signals"),
    card.signals.length ? h("ul", {class: "signals", id: "user-signals"}, card.signals.map((sig) =>
      h("li", {}, badge(sig.kind.replaceAll("_", " "), "signal"), " ", sig.message,
        sig.user_ids.length > 1 ? h("span", {class: "also"}, " · ",
          sig.user_ids.filter((u) => u !== user.id).map((u) => [userLink(u), " "])) : null)))
      : h("p", {class: "muted"}, "None in the latest analytics."));
}

/** Suspend (holds pending rewards) or reactivate, in two clicks. */
function statusAction(user, redraw) {
  const to = user.status === "active" ? "suspended" : "active";
  const verb = to === "suspended" ? "Suspend" : "Reactivate";
  const reason = h("input", {type: "text", placeholder: "reason (optional)", maxlength: 500,
    class: "reason", hidden: true});
  const button = h("button", {type: "button", class: to === "suspended" ? "danger" : "",
    id: "status-action"}, verb + "…");
  let armed = false;
  button.addEventListener("click", async () => {
    if (!armed) {
      armed = true;
      reason.hidden = false;
      button.textContent = `Confirm: ${verb.toLowerCase()} ${user.id}`;
      reason.focus();
      return;
    }
    button.disabled = true;
    try {
      await api("PUT", `/v1/users/${encodeURIComponent(user.id)}/status`,
        {status: to, reason: reason.value.trim() || null});
      showBanner("ok", `${user.name} (${user.id}) is now ${to}.`);
      redraw();
    } catch (error) {
      button.disabled = false;
      bannerError(error, `${verb} ${user.id}`);
    }
  });
  return h("div", {class: "actions"}, reason, button);
}

function pictureTools(redraw) {
  const select = (label, name, values) => {
    const field = h("select", {name, "aria-label": label}, values.map((v) =>
      h("option", {value: v, selected: picture[name] === v}, String(v))));
    field.addEventListener("change", () => { picture[name] = Number(field.value); redraw(); });
    return h("label", {class: "tool"}, label, " ", field);
  };
  const sizes = [["fees", "fees"], ["downline", "downline"]].map(([value, text]) => {
    const button = h("button", {type: "button", class: "toggle", "aria-pressed":
      String(picture.sizeBy === value), dataset: {size: value}}, text);
    button.addEventListener("click", () => {
      picture.sizeBy = value;
      for (const other of button.parentNode.querySelectorAll("button")) {
        other.setAttribute("aria-pressed", String(other === button));
      }
      redraw();
    });
    return button;
  });
  return h("div", {class: "tools"}, select("up", "up", [0, 1, 2, 3, 5]),
    select("down", "depth", [1, 2, 3, 4]),
    h("span", {class: "tool toggles", role: "group", "aria-label": "size by"}, "size by ", sizes));
}

async function drawPicture(id, body, stale) {
  fill(body, loading("Drawing…"));
  let data;
  try {
    data = await api("GET", `/v1/analytics/users/${encodeURIComponent(id)}/neighbourhood` +
      query({up: picture.up, depth: picture.depth, limit: 300, size_by: picture.sizeBy}));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the neighbourhood"));
    return;
  }
  if (stale()) return;
  const above = data.nodes.filter((n) => n.level < 0).length;
  const below = data.nodes.filter((n) => n.level > 0).length;
  fill(body,
    h("p", {class: "muted"}, `${count(above)} above, ${count(below)} below; click a user to ` +
      "move to them.", data.truncated ? h("strong", {class: "warn"},
      " Cut at 300 users below: lower the depth to see all of a level.") : null),
    neighbourhood(data, picture.sizeBy),
    networkLegend(picture.sizeBy));
}
