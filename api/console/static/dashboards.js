// The dashboards: the network's growth, fees, rewards per tier and top
// referrers (from the analytics summary), and the reward runs.

import {api, count, errorBox, fill, h, money, query, userHref, userLink, when} from "./util.js";
import {barChart, lineChart, rankChart} from "./charts.js";
import {badge, computedAt, loading, panel, startPage, summaryOrOffer, table} from "./page.js";

const TOP_TABS = [
  ["direct", "direct referrals", count],
  ["downline", "downline", count],
  ["fees", "fees", money],
  ["pagerank", "PageRank", (v) => Number(v).toFixed(4)],
];
let topBy = "direct";

function tile(label, value, id) {
  return h("div", {class: "tile", id: id || null}, h("span", {class: "tile-value"}, value),
    h("span", {class: "tile-label"}, label));
}

export async function overviewPage(view) {
  const stale = startPage();
  const body = h("div", {}, loading());
  fill(view, h("h1", {}, "Overview"), body);
  let summary;
  try {
    summary = await summaryOrOffer(body, () => stale() || overviewPage(view));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the analytics"));
    return;
  }
  if (stale() || !summary) return;
  const grid = h("div", {class: "grid"});
  fill(body, h("div", {class: "tiles", id: "tiles"},
    tile("users", count(summary.users), "tile-users"),
    tile("merchants", count(summary.by_role.merchant || 0)),
    tile("card holders", count(summary.by_role.cardholder || 0)),
    tile("buyers", count(summary.by_role.buyer || 0)),
    tile("referrals", count(summary.edges)),
    tile("roots", count(summary.roots)),
    tile("deepest level", count(summary.max_depth)),
    tile("suspended", count((summary.by_status || {}).suspended || 0)),
    h("a", {class: "tile link", href: "#/signals"}, h("span", {class: "tile-value"},
      count(summary.signals.total)), h("span", {class: "tile-label"}, "fraud signals"))),
  h("p", {}, computedAt(summary, () => stale() || overviewPage(view))), grid);
  const growth = summary.growth_per_period, fees = summary.fees_per_period;
  grid.append(
    panel("Growth per period", {id: "chart-growth"}, lineChart({
      labels: growth.map((r) => r.period), format: count, series: [
        {name: "users", values: growth.map((r) => r.users)},
        {name: "merchants", values: growth.map((r) => r.merchants)},
        {name: "card holders", values: growth.map((r) => r.cardholders)}]})),
    panel("Fees per period", {id: "chart-fees"}, barChart({
      labels: fees.map((r) => r.period), format: money, series: [
        {name: "fees", values: fees.map((r) => r.fees)},
        {name: "refunded", values: fees.map((r) => -r.refunded_fees)},
        {name: "net", values: fees.map((r) => r.net)}]})),
    panel("Rewards per tier", {id: "chart-tiers"}, tierChart(summary.rewards_per_tier)),
    topReferrers(summary.top_referrers),
    panel("Depth of users", {id: "chart-depth"}, barChart({format: count,
      labels: summary.depth_distribution.map((r) => String(r.depth)),
      series: [{name: "users", values: summary.depth_distribution.map((r) => r.count)}]})),
    panel("Referrers by number of referrals", {id: "chart-referrals"}, barChart({
      format: count, labels: summary.referrals_per_referrer.map((r) => String(r.referrals)),
      series: [{name: "referrers",
        values: summary.referrals_per_referrer.map((r) => r.referrers)}]})),
    panel("Open fraud signals", {id: "signal-kinds"}, signalKinds(summary.signals)),
    panel("Communities", {id: "communities"}, communities(summary.communities)));
}

/** Stacked bars: one bar per period, one colour per tier. */
export function tierChart(rows) {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const tiers = [...new Set(rows.map((r) => r.tier))].sort((a, b) => a - b);
  const amount = new Map(rows.map((r) => [`${r.period}|${r.tier}`, r.amount]));
  return barChart({stacked: true, labels: periods, format: money,
    series: tiers.map((tier, k) => ({name: `tier ${tier}`, cls: "s" + (k % 6),
      values: periods.map((p) => amount.get(`${p}|${tier}`) || 0)}))});
}

function topReferrers(top) {
  const holder = h("div", {});
  const tabs = h("div", {class: "tab-row", role: "tablist"});
  const show = () => {
    const [by, , format] = TOP_TABS.find(([name]) => name === topBy);
    for (const tab of tabs.children) tab.setAttribute("aria-selected", String(tab.dataset.by === by));
    fill(holder, rankChart({format, items: (top[by] || []).slice(0, 10).map((r) =>
      ({label: r.name || r.id, value: r.value, href: userHref(r.id)}))}));
  };
  for (const [by, label] of TOP_TABS) {
    const tab = h("button", {type: "button", role: "tab", dataset: {by}}, label);
    tab.addEventListener("click", () => { topBy = by; show(); });
    tabs.append(tab);
  }
  show();
  return panel("Top referrers", {id: "top-referrers"}, tabs, holder);
}

function signalKinds(signals) {
  const kinds = Object.entries(signals.by_kind || {});
  if (!kinds.length) return h("p", {class: "empty"}, "No fraud signals.");
  return h("ul", {class: "kinds"}, kinds.map(([kind, n]) => h("li", {},
    h("a", {href: "#/signals?kind=" + kind}, kind.replaceAll("_", " ")), " ",
    h("span", {class: "count"}, count(n)))));
}

function communities(rows) {
  if (!rows || !rows.length) return h("p", {class: "empty"}, "No communities found.");
  return table([
    {head: "Size", cell: (c) => count(c.size), cls: "num"},
    {head: "Net fees", cell: (c) => money(c.fees), cls: "num"},
    {head: "Prominent members", cell: (c) => c.members.slice(0, 5).map((m) => [userLink(m), " "])},
  ], rows.slice(0, 10));
}

export async function rewardsPage(view) {
  const stale = startPage();
  const runsBody = h("div", {}, loading());
  const tiersBody = h("div", {}, loading());
  fill(view, h("h1", {}, "Rewards"), h("div", {class: "grid"},
    panel("Reward runs", {id: "runs", wide: true}, runsBody),
    panel("Rewards per tier", {id: "chart-tiers"}, tiersBody)));
  loadRuns(runsBody, stale, null, []);
  try {
    const summary = await summaryOrOffer(tiersBody, () => stale() || rewardsPage(view));
    if (summary && !stale()) {
      fill(tiersBody, tierChart(summary.rewards_per_tier),
        h("p", {class: "muted"}, computedAt(summary, () => stale() || rewardsPage(view))));
    }
  } catch (error) {
    if (!stale()) fill(tiersBody, errorBox(error, "Reading the analytics"));
  }
}

async function loadRuns(body, stale, cursor, earlier) {
  let page;
  try {
    page = await api("GET", "/v1/rewards/runs" + query({limit: 24, cursor}));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the reward runs"));
    return;
  }
  if (stale()) return;
  const runs = earlier.concat(page.items);
  if (!runs.length) {
    fill(body, h("p", {class: "empty"}, "No reward run yet: the worker runs each closed " +
      "period ('refgraph worker'), or run one with 'refgraph rewards run --period P'."));
    return;
  }
  const chronological = [...runs].reverse();
  const more = page.next_cursor ? h("button", {type: "button", class: "quiet"}, "Older runs") : null;
  if (more) more.addEventListener("click", () => loadRuns(body, stale, page.next_cursor, runs));
  fill(body,
    barChart({height: 180, format: money, labels: chronological.map((r) => r.period),
      series: [{name: "rewards", values: chronological.map((r) => r.rewards)},
        {name: "clawbacks", cls: "s3", values: chronological.map((r) => -Math.abs(r.clawbacks))}]}),
    table([
      {head: "Period", cell: (r) => r.period},
      {head: "Status", cell: (r) => badge(r.status)},
      {head: "Rewards", cell: (r) => money(r.rewards), cls: "num"},
      {head: "Clawbacks", cell: (r) => money(r.clawbacks), cls: "num"},
      {head: "Lines", cell: (r) => count(r.lines), cls: "num"},
      {head: "Referrers", cell: (r) => count(r.referrers), cls: "num"},
      {head: "Rules", cell: (r) => "v" + r.rules_version, cls: "num"},
      {head: "Attempts", cell: (r) => count(r.attempts), cls: "num"},
      {head: "Finished", cell: (r) => when(r.finished_at)},
      {head: "Took", cell: (r) => r.duration_ms === null || r.duration_ms === undefined ? "–"
        : `${(r.duration_ms / 1000).toFixed(1)} s`, cls: "num"},
      {head: "Error", cell: (r) => r.error || ""},
    ], runs, {cls: "runs"}), more);
}
