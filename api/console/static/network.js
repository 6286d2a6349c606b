// The picture of a user's neighbourhood: referrers above, referrals below.
// The server lays the tree out (x, y and size in [0, 1]); this only scales
// the coordinates to the drawing, colours nodes by role and sizes them.

import {h, s, mainRole, roleName, money, count, responsive, userHref, vocabulary} from "./util.js";

const LEVEL_GAP = 86;     // drawing units between two levels
const PAD = 28;

function label(text, max) {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

/** The name under a node, kept inside the drawing at its left and right edges. */
function nodeLabel(text, x, r, width) {
  const half = text.length * 3.3;     // about half the width of 11px text
  const anchor = x - half < 2 ? "start" : x + half > width - 2 ? "end" : "middle";
  const dx = anchor === "start" ? -Math.min(x - 2, r) : anchor === "end" ? Math.min(width - x - 2, r) : 0;
  return s("text", {y: (r + 13).toFixed(1), dx: dx.toFixed(1), "text-anchor": anchor}, text);
}

/**
 * The picture of the neighbourhood `data` ({center, nodes, edges, truncated})
 * in a frame; clicking a node (or Enter on it) opens that user's page.
 */
export function neighbourhood(data, sizeBy) {
  return responsive("network-frame", (width) => draw(data, sizeBy, width), (frame) => {
    // a drawing wider than its frame starts scrolled to the user
    const center = frame.querySelector("g.node.center");
    if (center) frame.scrollLeft = Number(center.dataset.x) - frame.clientWidth / 2;
  });
}

function draw(data, sizeBy, frameWidth) {
  const nodes = data.nodes;
  const levels = new Map();
  for (const node of nodes) levels.set(node.level, (levels.get(node.level) || 0) + 1);
  const widest = Math.max(1, ...levels.values());
  // A wide level makes the drawing wider than its frame (which then scrolls
  // sideways) rather than overlapping dots.
  const width = Math.max(frameWidth, Math.min(12000, widest * 16 + 2 * PAD));
  const height = Math.max(220, (levels.size - 1) * LEVEL_GAP + 2 * PAD + 24);
  const spacing = (width - 2 * PAD) / widest;
  const maxR = Math.max(4, Math.min(20, spacing * 0.45));
  const minR = Math.min(3.5, maxR);
  const at = new Map(nodes.map((node) => [node.id, {
    x: PAD + node.x * (width - 2 * PAD),
    y: PAD + node.y * (height - 2 * PAD - 24),
    r: minR + Math.sqrt(Math.max(0, node.size)) * (maxR - minR),
    node,
  }]));
  const edges = s("g", {class: "edges"}, data.edges.map((edge) => {
    const a = at.get(edge.source), b = at.get(edge.target);
    if (!a || !b) return null;
    const mid = (a.y + b.y) / 2;
    return s("path", {d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} C${a.x.toFixed(1)},${mid.toFixed(1)} ` +
      `${b.x.toFixed(1)},${mid.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`,
      class: b.node.level <= 0 ? "edge up" : "edge"});
  }));
  const showAllLabels = nodes.length <= 40;
  const marks = [...at.values()].map(({x, y, r, node}) => {
    const role = mainRole(node.roles);
    const isCenter = node.id === data.center;
    const classes = ["node", "role-" + role, isCenter ? "center" : "",
      node.status !== "active" ? "inactive" : ""].join(" ").trim();
    const tip = `${node.name} (${node.id})\n${roleName(role)}` +
      (node.status !== "active" ? `, ${node.status}` : "") +
      `\nnet fees ${money(node.fees)} · downline ${count(node.downline)}` +
      `\nlevel ${node.level}`;
    const withLabel = isCenter || node.level < 0 || showAllLabels;
    return s("g", {class: classes, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`,
      tabindex: 0, role: "link", "aria-label": `${node.name} (${node.id})`,
      dataset: {id: node.id, level: String(node.level), x: x.toFixed(0)}},
      s("title", {}, tip),
      isCenter ? s("circle", {r: (r + 5).toFixed(1), class: "halo"}) : null,
      s("circle", {r: r.toFixed(1), class: "dot"}),
      withLabel ? nodeLabel(label(node.name, isCenter ? 28 : 14), x, r, width) : null);
  });
  const svg = s("svg", {viewBox: `0 0 ${width} ${height}`, class: "network", width, height,
    role: "group", "aria-label": `Referral neighbourhood of ${data.center}, sized by ${sizeBy}`},
    edges, s("g", {class: "nodes"}, marks));
  const open = (event) => {
    const target = event.target.closest && event.target.closest("g.node");
    if (!target) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    location.hash = userHref(target.dataset.id);
  };
  svg.addEventListener("click", open);
  svg.addEventListener("keydown", open);
  return svg;
}

export function networkLegend(sizeBy) {
  return h("ul", {class: "legend"},
    [...vocabulary.role_priority, "root"].map((role) =>
      h("li", {}, h("span", {class: `swatch role-${role}`}), roleName(role))),
    h("li", {}, h("span", {class: "swatch ring"}), "this user"),
    h("li", {}, h("span", {class: "swatch dashed"}), "suspended or closed"),
    h("li", {class: "muted"}, sizeBy === "fees" ? "size: net fees" : "size: downline"));
}
