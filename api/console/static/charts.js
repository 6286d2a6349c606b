// Hand-drawn SVG charts: lines, bars (grouped or stacked) and ranked
// horizontal bars.  Each returns a <figure> holding the SVG and its legend;
// every mark has a <title>, so hovering (or a screen reader) gives the value.

import {h, responsive, s} from "./util.js";

const PAD = {top: 12, right: 12, bottom: 28, left: 64};

/** About five round tick values covering [lo, hi]. */
export function ticks(lo, hi, wanted = 5) {
  if (lo === hi) { hi = lo + 1; }
  const raw = (hi - lo) / wanted;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((st) => st >= raw);
  const out = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.round(v / step) * step);
  }
  if (out[out.length - 1] < hi) out.push(out[out.length - 1] + step);
  return out;
}

function frame(width, height, domain, format) {
  const ys = ticks(Math.min(0, domain[0]), Math.max(0, domain[1]));
  const lo = ys[0], hi = ys[ys.length - 1];
  const inner = {x: PAD.left, y: PAD.top, w: width - PAD.left - PAD.right,
    h: height - PAD.top - PAD.bottom};
  const y = (v) => inner.y + inner.h - ((v - lo) / (hi - lo || 1)) * inner.h;
  const grid = s("g", {class: "axis"}, ys.map((v) => [
    s("line", {x1: inner.x, x2: inner.x + inner.w, y1: y(v), y2: y(v),
      class: v === 0 ? "zero" : null}),
    s("text", {x: inner.x - 6, y: y(v) + 4, "text-anchor": "end"}, format(v)),
  ]));
  return {inner, y, grid};
}

function xLabels(labels, xOf, inner) {
  // Leave labels out when they would overlap: one in every `every`.
  const room = inner.w / Math.max(labels.length, 1);
  const longest = Math.max(1, ...labels.map((l) => String(l).length));
  const every = Math.max(1, Math.ceil((longest * 7 + 8) / room));
  return s("g", {class: "x-labels"}, labels.map((label, i) =>
    (i % every === 0 || i === labels.length - 1) && (labels.length - 1 - i >= every || i === labels.length - 1)
      ? s("text", {x: xOf(i), y: inner.y + inner.h + 18, "text-anchor": "middle"}, label) : null));
}

function legend(series) {
  if (series.length < 2) return null;
  return h("ul", {class: "legend"}, series.map((one, i) =>
    h("li", {}, h("span", {class: `swatch ${one.cls || "s" + i}`}), one.name)));
}

function figure(kind, title, draw, series, empty) {
  return h("figure", {class: `chart ${kind}`},
    title ? h("figcaption", {}, title) : null,
    empty ? h("p", {class: "empty"}, "No data yet.")
      : responsive("plot-box", (width) => draw(Math.max(240, width))),
    empty ? null : legend(series));
}

function plot(width, height, label, ...children) {
  return s("svg", {viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-label": label, class: "plot"}, ...children);
}

/**
 * Lines over labelled points.
 * opts: {title, labels, series: [{name, values, cls}], format, height}
 */
export function lineChart(opts) {
  const {labels, series} = opts;
  if (!labels.length) return figure("line", opts.title, null, series, true);
  return figure("line", opts.title, (width) => drawLines(opts, width), series, false);
}

function drawLines(opts, width) {
  const {labels, series} = opts;
  const format = opts.format || String;
  const height = opts.height || 220;
  const values = series.flatMap((one) => one.values);
  const {inner, y, grid} = frame(width, height, [Math.min(...values), Math.max(...values)], format);
  const inset = 24;   // room for the first and last label
  const xOf = (i) => inner.x + inset + (labels.length === 1 ? (inner.w - 2 * inset) / 2
    : (i * (inner.w - 2 * inset)) / (labels.length - 1));
  const lines = series.map((one, k) => {
    const cls = one.cls || "s" + k;
    const points = one.values.map((v, i) => `${xOf(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    return s("g", {class: `series ${cls}`},
      s("polyline", {points, fill: "none"}),
      one.values.map((v, i) => s("circle", {cx: xOf(i), cy: y(v), r: 3.5},
        s("title", {}, `${one.name} · ${labels[i]}: ${format(v)}`))));
  });
  return plot(width, height, opts.title || "line chart", grid, xLabels(labels, xOf, inner), lines);
}

/**
 * Vertical bars per label, one per series side by side, or stacked.
 * opts: {title, labels, series: [{name, values, cls}], stacked, format, height}
 */
export function barChart(opts) {
  if (!opts.labels.length) return figure("bar", opts.title, null, opts.series, true);
  return figure("bar", opts.title, (width) => drawBars(opts, width), opts.series, false);
}

function drawBars(opts, width) {
  const {labels, series} = opts;
  const format = opts.format || String;
  const height = opts.height || 220;
  let lo = 0, hi = 0;
  labels.forEach((_, i) => {
    if (opts.stacked) {
      let pos = 0, neg = 0;
      series.forEach((one) => { const v = one.values[i] || 0; if (v >= 0) pos += v; else neg += v; });
      hi = Math.max(hi, pos); lo = Math.min(lo, neg);
    } else {
      series.forEach((one) => { const v = one.values[i] || 0; hi = Math.max(hi, v); lo = Math.min(lo, v); });
    }
  });
  const {inner, y, grid} = frame(width, height, [lo, hi], format);
  const band = inner.w / labels.length;
  const gap = Math.min(12, band * 0.2);
  const xOf = (i) => inner.x + band * i + band / 2;
  const slots = opts.stacked ? 1 : series.length;
  const barWidth = Math.max(1, (band - gap) / slots);
  const bars = [];
  labels.forEach((label, i) => {
    let pos = 0, neg = 0;
    series.forEach((one, k) => {
      const v = one.values[i] || 0;
      let from, to;
      if (opts.stacked) {
        if (v >= 0) { from = pos; to = pos + v; pos = to; } else { from = neg; to = neg + v; neg = to; }
      } else { from = 0; to = v; }
      const x = inner.x + band * i + gap / 2 + (opts.stacked ? 0 : k * barWidth);
      const top = Math.min(y(from), y(to));
      bars.push(s("rect", {x: x.toFixed(1), y: top.toFixed(1), width: barWidth.toFixed(1),
        height: Math.max(v ? 1 : 0, Math.abs(y(from) - y(to))).toFixed(1),
        class: `bar ${one.cls || "s" + k}`},
        s("title", {}, `${one.name} · ${label}: ${format(v)}`)));
    });
  });
  return plot(width, height, opts.title || "bar chart", grid, xLabels(labels, xOf, inner),
    s("g", {class: "bars"}, bars));
}

/**
 * Ranked horizontal bars with a label (a link when href is given) per row.
 * opts: {title, items: [{label, value, href, note}], format}
 */
export function rankChart(opts) {
  const format = opts.format || String;
  const items = opts.items || [];
  if (!items.length) return figure("rank", opts.title, null, [], true);
  const top = Math.max(...items.map((item) => Math.abs(item.value)), 1e-12);
  const rows = items.map((item, i) => h("li", {class: "rank-row"},
    h("span", {class: "rank-n"}, String(i + 1)),
    item.href ? h("a", {href: item.href, class: "rank-label"}, item.label)
      : h("span", {class: "rank-label"}, item.label),
    h("span", {class: "rank-bar"}, s("svg", {viewBox: "0 0 100 10", preserveAspectRatio: "none",
      "aria-hidden": "true"}, s("rect", {x: 0, y: 1, height: 8,
      width: Math.max(0.5, (Math.abs(item.value) / top) * 100).toFixed(2), class: "bar s0"}))),
    h("span", {class: "rank-value"}, format(item.value))));
  return h("figure", {class: "chart rank"}, opts.title ? h("figcaption", {}, opts.title) : null,
    h("ol", {class: "rank-list"}, rows));
}
