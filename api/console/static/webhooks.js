// Webhooks: the endpoints storefronts and partners receive events at, their
// health (enabled or disabled and why, the last success and failure, failures
// in a row, deliveries by status) and each endpoint's recent deliveries, with
// a button to send a delivery again.  #/webhooks lists the endpoints;
// #/webhooks/<id> shows one with its deliveries.

import {api, errorBox, fill, h, query, when} from "./util.js";
import {badge, bannerError, loading, panel, showBanner, startPage, table} from "./page.js";
import {fact} from "./user.js";

const path = (id) => "/v1/webhooks/" + encodeURIComponent(id);

export function webhooksPage(view) {
  const stale = startPage();
  const body = h("div", {}, loading());
  fill(view, h("h1", {}, "Webhooks"),
    panel("Endpoints", {id: "webhooks", wide: true},
      h("p", {class: "muted"}, "Where refgraph pushes events (signed, retried for about " +
        "three days). Create and change endpoints with POST /v1/webhooks."),
      body));
  loadEndpoints(body, stale);
}

async function loadEndpoints(body, stale) {
  let page;
  try {
    page = await api("GET", "/v1/webhooks" + query({limit: 200}));
  } catch (error) {
    if (!stale()) fill(body, errorBox(error, "Reading the webhook endpoints"));
    return;
  }
  if (stale()) return;
  if (!page.items.length) {
    fill(body, h("p", {class: "empty"}, "No webhook endpoint yet."));
    return;
  }
  fill(body, table([
    {head: "Endpoint", cell: (e) => h("a", {href: "#/webhooks/" + encodeURIComponent(e.id),
      class: "endpoint"}, h("code", {}, e.id))},
    {head: "URL", cell: (e) => h("code", {class: "url"}, e.url)},
    {head: "Events", cell: (e) => e.events.map((t) => h("span", {class: "chip"}, t))},
    {head: "Health", cell: health},
    {head: "Last success", cell: (e) => e.last_success_at ? when(e.last_success_at) : "–"},
    {head: "Last failure", cell: (e) => e.last_failure_at ? when(e.last_failure_at) : "–"},
  ], page.items, {cls: "webhooks", key: (e) => e.id}));
}

function health(endpoint) {
  if (endpoint.status === "disabled") {
    return [badge("disabled", "failed"), h("div", {class: "muted reason"}, endpoint.disabled_reason)];
  }
  return [badge(endpoint.consecutive_failures ? "failing" : "healthy",
    endpoint.consecutive_failures ? "pending" : "completed"),
    endpoint.consecutive_failures
      ? h("div", {class: "muted"}, `${endpoint.consecutive_failures} failures in a row`) : null];
}

export function webhookPage(view, id) {
  const stale = startPage();
  const head = h("div", {}, loading());
  const body = h("div", {}, loading());
  fill(view, h("h1", {}, "Webhook ", h("code", {}, id)),
    panel("Endpoint", {id: "webhook"}, head),
    panel("Recent deliveries", {id: "deliveries", wide: true}, body));
  loadEndpoint(view, id, head, body, stale);
}

async function loadEndpoint(view, id, head, body, stale) {
  let endpoint;
  let deliveries;
  try {
    [endpoint, deliveries] = await Promise.all([api("GET", path(id)),
      api("GET", path(id) + "/deliveries" + query({limit: 50}))]);
  } catch (error) {
    if (!stale()) fill(head, errorBox(error, "Reading the webhook endpoint"));
    fill(body);
    return;
  }
  if (stale()) return;
  const counts = endpoint.deliveries;
  const enable = endpoint.status === "disabled"
    ? h("button", {type: "button", id: "webhook-enable"}, "Enable again") : null;
  if (enable) enable.addEventListener("click", async () => {
    enable.disabled = true;
    try {
      await api("PATCH", path(id), {enabled: true});
      if (!stale()) webhookPage(view, id);
      showBanner("ok", `Webhook ${id} enabled again.`);
    } catch (error) {
      enable.disabled = false;
      bannerError(error, `Enabling ${id}`);
    }
  });
  fill(head, h("dl", {class: "facts"},
    fact("URL", h("code", {class: "url"}, endpoint.url)),
    fact("Events", endpoint.events.map((t) => h("span", {class: "chip"}, t))),
    fact("Health", [health(endpoint), enable], "webhook-health"),
    fact("Deliveries",
      `${counts.pending} pending, ${counts.delivered} delivered, ${counts.failed} failed`,
      "webhook-counts"),
    fact("Last success", endpoint.last_success_at ? when(endpoint.last_success_at) : "–"),
    fact("Last failure", endpoint.last_failure_at ? when(endpoint.last_failure_at) : "–")));
  if (!deliveries.items.length) {
    fill(body, h("p", {class: "empty"}, "No delivery yet."));
    return;
  }
  fill(body, table([
    {head: "Event", cell: (d) => [h("code", {class: "event"}, d.event_type),
      h("div", {class: "muted small"}, h("code", {}, d.event_id))]},
    {head: "Status", cell: (d) => badge(d.status, d.status === "delivered" ? "completed" : d.status)},
    {head: "Attempts", cell: (d) => String(d.attempts), cls: "num"},
    {head: "Last answer", cell: (d) => d.last_at ? [d.last_code ? h("code", {}, String(d.last_code))
      : "no answer", " ", when(d.last_at), d.last_error ? h("div", {class: "muted small error",
      title: d.last_error}, d.last_error.length > 160 ? d.last_error.slice(0, 160) + "…"
      : d.last_error) : null] : "–"},
    {head: "Next try", cell: (d) => d.next_at ? when(d.next_at) : "–"},
    {head: "", cell: (d) => retryButton(view, id, d, stale)},
  ], deliveries.items, {cls: "deliveries", key: (d) => d.id}));
}

function retryButton(view, id, delivery, stale) {
  const button = h("button", {type: "button", class: "quiet", dataset: {action: "retry"}},
    delivery.status === "delivered" ? "Send again" : "Retry now");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await api("POST", path(id) + "/deliveries/" + encodeURIComponent(delivery.id) + "/retry");
      if (!stale()) webhookPage(view, id);
      showBanner("ok", `Delivery of ${delivery.event_id} will be sent again.`);
    } catch (error) {
      button.disabled = false;
      bannerError(error, `Retrying ${delivery.event_id}`);
    }
  });
  return button;
}
