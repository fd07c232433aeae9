// app.js: the tacitus dashboard — timeline, actor network, event table, quotes and article
// view over the JSON API of `tacitus serve` (docs/api.md); the whole view lives in the URL.
'use strict';

// ---- URL state ----------------------------------------------------------------------------

// The query parameters that filter events, in the order they are written into the URL, so a
// view always has one spelling and a copied link reproduces it.
const FILTERS = ['actor', 'source', 'target', 'root', 'code', 'from', 'to', 'certainty'];
// Parameters of the view itself rather than of the events.
const VIEW = ['by', 'offset', 'speaker', 'article', 'event', 'quote'];
const CERTAINTIES = ['asserted', 'reported', 'hypothetical', 'negated'];
const DEFAULT_CERTAINTY = ['asserted', 'reported'];
const PAGE = 50;

function readState() {
  const query = new URLSearchParams(location.search);
  const state = {};
  for (const name of FILTERS.concat(VIEW)) {
    const value = query.get(name);
    if (value !== null && value !== '') state[name] = value;
  }
  return state;
}

function stateUrl(state) {
  const query = new URLSearchParams();
  for (const name of FILTERS.concat(VIEW)) {
    if (state[name] !== undefined && state[name] !== '') query.set(name, state[name]);
  }
  const text = query.toString();
  return location.pathname + (text ? '?' + text : '');
}

// navigate(STATE): a new history entry for STATE, then draw it. Entries pushed here are marked
// so the article view's back button can return with history.back() (keeping scroll and the
// browser's own back/forward in step) instead of stacking another entry.
function navigate(state, replace) {
  const url = stateUrl(state);
  if (replace) history.replaceState({ tacitus: true }, '', url);
  else history.pushState({ tacitus: true }, '', url);
  render();
}

function filtersOf(state) {
  const filters = {};
  for (const name of FILTERS) if (state[name] !== undefined) filters[name] = state[name];
  return filters;
}

// ---- DOM helpers --------------------------------------------------------------------------

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(ns, tag, attrs, children) {
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children || []) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const el = (tag, attrs, ...children) => build(null, tag, attrs, children);
const svg = (tag, attrs, ...children) => build(SVG_NS, tag, attrs, children);
const $ = (id) => document.getElementById(id);

// Activating an element by mouse or by Enter/Space, for rows and SVG edges made focusable.
function onActivate(node, action) {
  node.addEventListener('click', action);
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action(event);
    }
  });
}

function setStatus(text, isError) {
  const status = $('status');
  status.textContent = text || '';
  status.classList.toggle('error', Boolean(isError));
  status.setAttribute('role', isError ? 'alert' : 'status');
}

// ---- API ----------------------------------------------------------------------------------

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== '') query.set(name, value);
  }
  const text = query.toString();
  const response = await fetch('api/' + path + (text ? '?' + text : ''), { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error;
    const detail = error ? (error.parameter ? error.parameter + ': ' : '') + (error.message || error.code) : response.statusText;
    throw new Error('/api/' + path + ' → ' + response.status + ' ' + detail);
  }
  return body;
}

// ---- byte offsets -------------------------------------------------------------------------

// The API gives spans as byte offsets into UTF-8 text; JavaScript strings count UTF-16 units,
// so text is cut on its encoded bytes.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const byteSlice = (bytes, start, end) => decoder.decode(bytes.subarray(start, end));

// Fragments of BYTES between START and END with the classes of the marks covering each piece:
// MARKS is [{start, end, cls}], possibly overlapping (source and target can be the same words).
function markedFragment(bytes, start, end, marks) {
  const cuts = new Set([start, end]);
  for (const mark of marks) {
    if (mark.start > start && mark.start < end) cuts.add(mark.start);
    if (mark.end > start && mark.end < end) cuts.add(mark.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const piece = byteSlice(bytes, points[i], points[i + 1]);
    const covering = marks.filter((m) => m.start <= points[i] && m.end >= points[i + 1]);
    if (covering.length === 0) fragment.append(piece);
    else fragment.append(el('mark', { class: covering.map((m) => m.cls).join(' '), title: covering.map((m) => m.title).join('; ') }, piece));
  }
  return fragment;
}

// ---- dates --------------------------------------------------------------------------------

const DAY_MS = 86400000;
const parseDay = (text) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(text + 'T00:00:00Z') : NaN);
const formatDay = (ms) => new Date(ms).toISOString().slice(0, 10);

// The first and last day of a timeline period ("2022-03-14", a week's first day, "2022-03"),
// or null when the server spells periods some other way.
function periodRange(period, by) {
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [year, month] = period.split('-').map(Number);
    return [period + '-01', formatDay(Date.UTC(year, month, 0))];
  }
  const day = parseDay(period);
  if (Number.isNaN(day)) return null;
  return [period, formatDay(day + (by === 'week' ? 6 : 0) * DAY_MS)];
}

// PERIODS with the empty periods between them added, so the x axis is time; left alone when the
// spelling is unknown or the gaps would make thousands of bars.
function withGaps(periods, by) {
  if (periods.length < 2) return periods;
  const known = new Map(periods.map((p) => [p.period, p]));
  const first = periods[0].period, last = periods[periods.length - 1].period;
  const keys = [];
  if (/^\d{4}-\d{2}$/.test(first) && /^\d{4}-\d{2}$/.test(last)) {
    let [year, month] = first.split('-').map(Number);
    for (let key = first; key <= last && keys.length <= 1000; ) {
      keys.push(key);
      month += 1;
      if (month > 12) { month = 1; year += 1; }
      key = year + '-' + String(month).padStart(2, '0');
    }
  } else {
    const start = parseDay(first), end = parseDay(last);
    const step = by === 'week' ? 7 : 1;
    if (Number.isNaN(start) || Number.isNaN(end)) return periods;
    if (periods.some((p) => Number.isNaN(parseDay(p.period)) || (parseDay(p.period) - start) % (step * DAY_MS) !== 0)) return periods;
    for (let day = start; day <= end && keys.length <= 1000; day += step * DAY_MS) keys.push(formatDay(day));
  }
  if (keys.length > 1000) return periods;
  return keys.map((key) => known.get(key) || { period: key, events: 0, quad: [0, 0, 0, 0], goldstein: null });
}

// ---- reference data -----------------------------------------------------------------------

const codeNames = new Map();

async function loadReference() {
  const [codes, actors] = await Promise.all([
    api('codes').catch(() => ({ codes: [] })),
    api('actors', { certainty: 'all', limit: 1000 }).catch(() => ({ actors: [] })),
  ]);
  const root = document.querySelector('#filters select[name=root]');
  const roots = new Map();
  for (const code of codes.codes || []) {
    codeNames.set(code.code, code.name);
    if (code.code.length === 2) roots.set(code.code, code.name);
  }
  for (let n = 1; n <= 20; n++) {
    const key = String(n).padStart(2, '0');
    const name = roots.get(key);
    root.append(el('option', { value: key, text: name ? key + ' ' + name : key }));
  }
  const list = $('actor-codes');
  for (const actor of actors.actors || []) list.append(el('option', { value: actor.code, text: actor.code + ' (' + actor.events + ' events)' }));
}

// ---- filters form -------------------------------------------------------------------------

function fillForm(state) {
  const form = $('filters');
  for (const name of ['actor', 'source', 'target', 'root', 'code', 'from', 'to']) form.elements[name].value = state[name] || '';
  const chosen = !state.certainty ? DEFAULT_CERTAINTY : state.certainty === 'all' ? CERTAINTIES : state.certainty.split(',');
  for (const box of form.querySelectorAll('input[name=certainty]')) box.checked = chosen.includes(box.value);
  $('by').value = state.by || 'day';
}

function formState() {
  const form = $('filters');
  const state = {};
  for (const name of ['actor', 'source', 'target']) {
    const value = form.elements[name].value.trim().toUpperCase();
    if (value) state[name] = value;
  }
  for (const name of ['root', 'code', 'from', 'to']) {
    const value = form.elements[name].value.trim();
    if (value) state[name] = value;
  }
  const checked = [...form.querySelectorAll('input[name=certainty]:checked')].map((box) => box.value);
  if (checked.length === CERTAINTIES.length) state.certainty = 'all';
  else if (checked.length > 0 && checked.join(',') !== DEFAULT_CERTAINTY.join(',')) state.certainty = checked.join(',');
  return state;
}

function keepView(state, next) {
  if (state.by) next.by = state.by;
  if (state.speaker) next.speaker = state.speaker;
  return next;
}

// ---- timeline -----------------------------------------------------------------------------

const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

// The top of the count axis: four ticks of 1, 2 or 5 times a power of ten, so counts stay whole.
function niceMax(value) {
  const raw = Math.max(1, value / 4);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw) return 4 * factor * power;
  return 40 * power;
}

// A short description of the filters of STATE, for titles ("RUS → CHN · root 13").
function describe(state) {
  const parts = [];
  if (state.source || state.target) parts.push((state.source || 'any') + ' → ' + (state.target || 'any'));
  if (state.actor) parts.push('actor ' + state.actor);
  if (state.root) parts.push('root ' + state.root);
  if (state.code) parts.push('code ' + state.code + '…');
  if (state.from || state.to) parts.push((state.from || '…') + ' to ' + (state.to || '…'));
  if (state.certainty) parts.push(state.certainty === 'all' ? 'any certainty' : state.certainty.replace(/,/g, ', '));
  return parts.length ? parts.join(' · ') : 'all events';
}

function drawTimeline(data, state) {
  const box = $('timeline');
  box.replaceChildren();
  const by = data.by || state.by || 'day';
  $('by').value = by;
  const periods = withGaps(data.periods || [], by);
  const subject = describe(state);
  $('timeline-title').textContent = 'Timeline: ' + subject;
  if (periods.length === 0) {
    box.append(el('p', { class: 'empty', text: 'No events match these filters.' }));
    return;
  }
  const width = 720, height = 250;
  const left = 40, right = 40, top = 20, bottom = 34;
  const plotW = width - left - right, plotH = height - top - bottom;
  const maxEvents = niceMax(Math.max(...periods.map((p) => p.events)));
  const band = plotW / periods.length;
  const barW = Math.max(1, Math.min(48, band * 0.8));
  const yCount = (n) => top + plotH - (n / maxEvents) * plotH;
  const yGold = (g) => top + plotH / 2 - (g / 10) * (plotH / 2);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline', role: 'img',
    'aria-label': `Events per ${by} by quad class, with mean Goldstein score, ${subject}` });

  for (let i = 0; i <= 4; i++) {
    const n = (maxEvents * i) / 4, y = yCount(n);
    chart.append(svg('line', { x1: left, x2: width - right, y1: y, y2: y, class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end', text: Number.isInteger(n) ? n : n.toFixed(1) }));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    chart.append(svg('text', { x: width - right + 6, y: yGold(g) + 4, class: 'axis gold-axis', text: g > 0 ? '+' + g : g }));
  }
  chart.append(svg('line', { x1: left, x2: width - right, y1: yGold(0), y2: yGold(0), class: 'zero' }));

  const labelEvery = Math.max(1, Math.ceil(periods.length / 8));
  const line = [];
  periods.forEach((p, i) => {
    const x = left + i * band + (band - barW) / 2;
    const group = svg('g', { class: 'period', 'data-period': p.period, 'data-events': p.events });
    let base = 0;
    (p.quad || [0, 0, 0, 0]).forEach((count, q) => {
      if (!count) return;
      const rect = svg('rect', { class: `bar q${q + 1}`, 'data-quad': q + 1, 'data-count': count,
        x: x.toFixed(1), width: barW.toFixed(1), y: yCount(base + count).toFixed(1), height: (yCount(base) - yCount(base + count)).toFixed(1) },
      svg('title', { text: `${p.period}: ${count} ${QUAD_NAMES[q]}` }));
      group.append(rect);
      base += count;
    });
    const range = periodRange(p.period, by);
    if (p.events > 0 && range) {
      group.setAttribute('tabindex', '0');
      group.setAttribute('role', 'link');
      group.setAttribute('aria-label', `${p.period}: ${p.events} events; show only this ${by}`);
      onActivate(group, () => navigate(keepView(state, Object.assign(filtersOf(state), { from: range[0], to: range[1] }))));
    }
    chart.append(group);
    if (i % labelEvery === 0) {
      chart.append(svg('text', { x: (left + i * band + band / 2).toFixed(1), y: height - bottom + 16, class: 'axis', 'text-anchor': 'middle', text: p.period }));
    }
    line.push(p.events > 0 && p.goldstein !== null && p.goldstein !== undefined ? [left + i * band + band / 2, yGold(p.goldstein), p] : null);
  });
  // The Goldstein line: solid between neighbouring periods with events, a faint dashed bridge
  // over empty ones (they have no mean). Points are drawn while there is room for them, and
  // always for a period with no neighbour, which would otherwise be invisible.
  const present = line.map((point, i) => (point ? i : -1)).filter((i) => i >= 0);
  for (let n = 1; n < present.length; n++) {
    const a = present[n - 1], b = present[n];
    chart.append(svg('line', { class: b === a + 1 ? 'gold' : 'gold gap', x1: line[a][0].toFixed(1), y1: line[a][1].toFixed(1),
      x2: line[b][0].toFixed(1), y2: line[b][1].toFixed(1) }));
  }
  present.forEach((i) => {
    const lonely = !line[i - 1] && !line[i + 1];
    if (periods.length > 60 && !lonely) return;
    chart.append(svg('circle', { class: 'gold-point', cx: line[i][0].toFixed(1), cy: line[i][1].toFixed(1), r: periods.length > 60 ? 1.5 : 3 },
      svg('title', { text: `${line[i][2].period}: mean Goldstein ${Number(line[i][2].goldstein).toFixed(2)}` })));
  });
  chart.append(svg('text', { x: 4, y: top - 10, class: 'axis-title', text: 'events' }));
  chart.append(svg('text', { x: width - 4, y: top - 10, class: 'axis-title', 'text-anchor': 'end', text: 'Goldstein' }));
  box.append(chart);
}

// ---- network ------------------------------------------------------------------------------

// A small seeded generator, so the layout (and every screenshot of it) is the same each time.
function mulberry32(seed) {
  return function next() {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fruchterman–Reingold force layout: nodes repel, edges pull, a weak pull to the centre keeps
// disconnected dyads on screen. Deterministic: fixed seed, fixed order, fixed iterations.
function layout(nodes, links, width, height) {
  const random = mulberry32(7);
  const count = nodes.length;
  const area = width * height;
  const k = Math.sqrt(area / Math.max(1, count)) * 0.75;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, count);
    node.x = width / 2 + (width / 3) * Math.cos(angle) + (random() - 0.5) * 10;
    node.y = height / 2 + (height / 3) * Math.sin(angle) + (random() - 0.5) * 10;
  });
  const index = new Map(nodes.map((node, i) => [node.code, i]));
  let temperature = width / 8;
  for (let step = 0; step < 300; step++) {
    const dx = new Float64Array(count), dy = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
        let distance = Math.hypot(x, y);
        if (distance < 0.01) { x = random() - 0.5; y = random() - 0.5; distance = 0.01; }
        const force = (k * k) / distance;
        dx[i] += (x / distance) * force; dy[i] += (y / distance) * force;
        dx[j] -= (x / distance) * force; dy[j] -= (y / distance) * force;
      }
    }
    for (const link of links) {
      const i = index.get(link.source), j = index.get(link.target);
      if (i === j) continue;
      const x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
      const distance = Math.max(0.01, Math.hypot(x, y));
      const force = ((distance * distance) / k) * (0.5 + Math.log1p(link.events) / 4);
      dx[i] -= (x / distance) * force; dy[i] -= (y / distance) * force;
      dx[j] += (x / distance) * force; dy[j] += (y / distance) * force;
    }
    for (let i = 0; i < count; i++) {
      dx[i] += (width / 2 - nodes[i].x) * 0.8;
      dy[i] += (height / 2 - nodes[i].y) * 0.8;
      const length = Math.max(0.01, Math.hypot(dx[i], dy[i]));
      const move = Math.min(length, temperature);
      nodes[i].x += (dx[i] / length) * move;
      nodes[i].y += (dy[i] / length) * move;
    }
    temperature = Math.max(1, temperature * 0.985);
  }
  // fit into the drawing with a margin for labels
  const margin = 36;
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  // each axis on its own: the drawing is wider than tall, the layout roughly round
  const scaleX = Math.min((width - 2 * margin) / Math.max(1, maxX - minX), 4);
  const scaleY = Math.min((height - 2 * margin) / Math.max(1, maxY - minY), 4);
  const offsetX = (width - (maxX - minX) * scaleX) / 2, offsetY = (height - (maxY - minY) * scaleY) / 2;
  for (const node of nodes) {
    node.x = offsetX + (node.x - minX) * scaleX;
    node.y = offsetY + (node.y - minY) * scaleY;
  }
}

const tone = (goldstein) => (goldstein > 0 ? 'coop' : goldstein < 0 ? 'conflict' : 'neutral');

function drawNetwork(data, state) {
  const box = $('network');
  box.replaceChildren();
  // a dyad within one country (USAGOV → USAELI is USA → USA) has no edge to draw
  const links = (data.dyads || []).filter((d) => d.source && d.target && d.source !== d.target);
  if (links.length === 0) {
    box.append(el('p', { class: 'empty', text: 'No dyads match these filters.' }));
    return;
  }
  const weight = new Map();
  for (const link of links) {
    weight.set(link.source, (weight.get(link.source) || 0) + link.events);
    weight.set(link.target, (weight.get(link.target) || 0) + link.events);
  }
  const nodes = [...weight.keys()].sort().map((code) => ({ code, events: weight.get(code) }));
  const width = 480, height = 280;
  layout(nodes, links, width, height);
  const at = new Map(nodes.map((node) => [node.code, node]));
  const biggest = Math.max(...nodes.map((node) => node.events));
  const radius = (node) => 4 + 9 * Math.sqrt(node.events / biggest);
  const maxEvents = Math.max(...links.map((l) => l.events));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'network', role: 'group', 'aria-label': 'Actor network: who acts on whom' });
  const pairs = new Set(links.map((l) => l.source + '>' + l.target));
  const edges = svg('g', { class: 'edges' });
  const selectedSource = (state.source || '').slice(0, 3), selectedTarget = (state.target || '').slice(0, 3);
  for (const link of links) {
    const from = at.get(link.source), to = at.get(link.target);
    if (from === to) continue;
    const x = to.x - from.x, y = to.y - from.y, distance = Math.max(1, Math.hypot(x, y));
    const ux = x / distance, uy = y / distance;
    // both directions present: bend each to its own side so the two edges stay apart
    const bend = pairs.has(link.target + '>' + link.source) ? Math.min(16, distance * 0.15) : 0;
    const x1 = from.x + ux * radius(from), y1 = from.y + uy * radius(from);
    const x2 = to.x - ux * (radius(to) + 2), y2 = to.y - uy * (radius(to) + 2);
    const cx = (x1 + x2) / 2 - uy * bend, cy = (y1 + y2) / 2 + ux * bend;
    const kind = tone(link.goldstein);
    const strokeWidth = 1.2 + 5 * Math.sqrt(link.events / maxEvents);
    // an arrowhead per edge (not an SVG marker) so it grows with the stroke and stays visible
    const headLength = 5 + strokeWidth * 1.6, headHalf = 2.5 + strokeWidth * 0.9;
    const hx = x2 - cx, hy = y2 - cy, headNorm = Math.max(0.01, Math.hypot(hx, hy));
    const dx = hx / headNorm, dy = hy / headNorm;
    const bx = x2 - dx * headLength, by = y2 - dy * headLength;
    const d = `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${(bx + dx).toFixed(1)},${(by + dy).toFixed(1)}`;
    const head = [[x2, y2], [bx - dy * headHalf, by + dx * headHalf], [bx + dy * headHalf, by - dx * headHalf]]
      .map(([px, py]) => px.toFixed(1) + ',' + py.toFixed(1)).join(' ');
    const label = `${link.source} → ${link.target}: ${link.events} event${link.events === 1 ? '' : 's'}, mean Goldstein ${Number(link.goldstein).toFixed(1)}`;
    const selected = link.source === selectedSource && link.target === selectedTarget;
    const edge = svg('g', { class: `edge ${kind}${selected ? ' selected' : ''}`, 'data-source': link.source, 'data-target': link.target,
      'data-events': link.events, 'data-goldstein': link.goldstein, tabindex: 0, role: 'link', 'aria-label': label + '; show this dyad' },
    svg('title', { text: label }),
    svg('path', { class: 'hit', d }),
    svg('path', { class: 'line', d, 'stroke-width': strokeWidth.toFixed(2) }),
    svg('polygon', { class: 'head', points: head }));
    onActivate(edge, () => {
      const next = filtersOf(state);
      delete next.actor;
      navigate(keepView(state, Object.assign(next, { source: link.source, target: link.target })));
    });
    edges.append(edge);
  }
  chart.append(edges);
  const nodeLayer = svg('g', { class: 'nodes' });
  for (const node of nodes) {
    const r = radius(node);
    const group = svg('g', { class: 'node' + (state.actor && node.code === state.actor.slice(0, 3) ? ' selected' : ''), 'data-code': node.code,
      tabindex: 0, role: 'link', 'aria-label': `${node.code}: ${node.events} events; show this actor's events` },
    svg('circle', { cx: node.x.toFixed(1), cy: node.y.toFixed(1), r: r.toFixed(1) }),
    svg('text', { x: node.x.toFixed(1), y: (node.y - r - 4).toFixed(1), 'text-anchor': 'middle', text: node.code }),
    svg('title', { text: `${node.code}: ${node.events} events` }));
    onActivate(group, () => {
      const next = filtersOf(state);
      delete next.source;
      delete next.target;
      navigate(keepView(state, Object.assign(next, { actor: node.code })));
    });
    nodeLayer.append(group);
  }
  chart.append(nodeLayer);
  box.append(chart);
}

// ---- event table --------------------------------------------------------------------------

function actorCell(actor) {
  if (!actor || !actor.code) return el('td', { class: 'actor' }, '—');
  return el('td', { class: 'actor' }, el('span', { class: 'code' }, actor.code), el('br'), el('span', { class: 'mention', text: actor.text || '' }));
}

function sentenceCell(event) {
  const bytes = encoder.encode(event.sentence_text || '');
  const base = event.sentence_start || 0;
  const marks = [];
  for (const [kind, span] of [['source', event.source], ['target', event.target], ['verb', event.verb]]) {
    if (!span || span.start === undefined || span.end === undefined) continue;
    const start = span.start - base, end = span.end - base;
    if (start < 0 || end > bytes.length || end <= start) continue;
    marks.push({ start, end, cls: 'hl-' + kind, title: kind + (span.code ? ' ' + span.code : '') });
  }
  return el('td', { class: 'sentence' }, markedFragment(bytes, 0, bytes.length, marks));
}

function drawEvents(data, state) {
  const body = document.querySelector('#events tbody');
  body.replaceChildren();
  const events = data.events || [];
  const offset = Number(data.offset || 0), total = Number(data.total || 0);
  $('events-count').textContent = (total === 0 ? 'none' : `${offset + 1}–${offset + events.length} of ${total}`) + ' · ' + describe(state);
  $('prev').disabled = offset <= 0;
  $('next').disabled = offset + events.length >= total;
  if (events.length === 0) {
    body.append(el('tr', {}, el('td', { colspan: 7, class: 'empty', text: 'No events match these filters.' })));
    return;
  }
  for (const event of events) {
    const name = event.code_name || codeNames.get(event.code) || '';
    const attribution = event.attributed_to;
    const open = () => {
      const next = filtersOf(state);
      keepView(state, next);
      if (state.offset) next.offset = state.offset;
      next.article = event.article;
      next.event = event.event;
      navigate(next);
    };
    const row = el('tr', { class: `event q${event.quad_class}`, tabindex: 0, 'data-event': event.event, 'data-article': event.article, 'data-code': event.code,
      'data-source': event.source && event.source.code, 'data-target': event.target && event.target.code,
      'aria-label': `${event.date} ${event.source && event.source.code} ${name} ${event.target && event.target.code}; open the article` },
    el('td', { class: 'date' }, event.date || ''),
    actorCell(event.source),
    el('td', { class: 'code-name' }, el('span', { class: 'code' }, event.code), ' ', name),
    actorCell(event.target),
    el('td', {}, el('span', { class: 'certainty ' + event.certainty, text: event.certainty })),
    el('td', { class: 'attribution' }, attribution ? (attribution.text || '') + (attribution.code ? ' (' + attribution.code + ')' : '') : '—'),
    sentenceCell(event));
    onActivate(row, open);
    body.append(row);
  }
}

// ---- quotes -------------------------------------------------------------------------------

function drawSpeakers(data, state) {
  const list = $('speakers');
  list.replaceChildren();
  // /api/quotes?speaker= selects by name, so one name under two codes is one speaker here
  const byName = new Map();
  for (const speaker of data.speakers || []) {
    const known = byName.get(speaker.name);
    if (!known) byName.set(speaker.name, { name: speaker.name, codes: speaker.code ? [speaker.code] : [], quotes: speaker.quotes });
    else {
      known.quotes += speaker.quotes;
      if (speaker.code && !known.codes.includes(speaker.code)) known.codes.push(speaker.code);
    }
  }
  const speakers = [...byName.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  if (speakers.length === 0) {
    list.append(el('li', { class: 'empty', text: 'No attributed quotes.' }));
    $('quotes').replaceChildren();
    return null;
  }
  const chosen = state.speaker || speakers[0].name;
  for (const speaker of speakers) {
    list.append(el('li', {}, el('button', { type: 'button', class: 'speaker', 'aria-pressed': speaker.name === chosen ? 'true' : 'false',
      onclick: () => navigate(Object.assign({}, state, { speaker: speaker.name })) },
    speaker.name, speaker.codes.length ? el('span', { class: 'code', title: speaker.codes.join(' '), text: ' ' + speaker.codes[0] + (speaker.codes.length > 1 ? '…' : '') }) : null,
    el('span', { class: 'count', text: ' ' + speaker.quotes }))));
  }
  return chosen;
}

function drawQuotes(data, state) {
  const box = $('quotes');
  box.replaceChildren();
  for (const quote of data.quotes || []) {
    const link = el('a', { href: stateUrl(Object.assign(filtersOf(state), keepView(state, {}), { article: quote.article, quote: quote.start })), text: 'article ' + quote.article });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      navigate(Object.assign(filtersOf(state), keepView(state, {}), { article: quote.article, quote: quote.start }));
    });
    box.append(el('figure', { class: 'quote' }, el('blockquote', { text: quote.text }),
      el('figcaption', {}, quote.speaker ? quote.speaker.name : 'unattributed', quote.cue ? ' (' + quote.cue + ') · ' : ' · ', link)));
  }
}

// ---- article view -------------------------------------------------------------------------

// Draw order of nested highlights for spans that start together: the widest first.
const KIND_ORDER = { noise: 0, quote: 1, event: 2, entity: 3, source: 4, target: 4, verb: 5 };

// Nest SPANS (byte ranges) into a tree; a span crossing its parent's end is cut in two so the
// HTML stays well formed. Identical spans (one sentence holding several events) become one node
// listing every event.
function spanTree(spans, length) {
  const merged = new Map();
  for (const span of spans) {
    const start = Math.max(0, span.start), end = Math.min(length, span.end);
    if (!(end > start)) continue;
    const key = span.kind + ':' + start + ':' + end;
    const node = merged.get(key) || { kind: span.kind, start, end, events: [], labels: [], children: [] };
    if (span.event !== undefined && span.event !== null && !node.events.includes(span.event)) node.events.push(span.event);
    if (span.label && !node.labels.includes(span.label)) node.labels.push(span.label);
    merged.set(key, node);
  }
  const order = (a, b) => a.start - b.start || b.end - a.end || (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9);
  const queue = [...merged.values()].sort(order);
  const root = { kind: 'root', start: 0, end: length, children: [] };
  const stack = [root];
  for (let i = 0; i < queue.length; i++) {
    let node = queue[i];
    while (node.start >= stack[stack.length - 1].end) stack.pop();
    const parent = stack[stack.length - 1];
    if (node.end > parent.end) {
      const rest = Object.assign({}, node, { start: parent.end, children: [] });
      node = Object.assign({}, node, { end: parent.end, children: [] });
      let at = i + 1;
      while (at < queue.length && order(queue[at], rest) < 0) at++;
      queue.splice(at, 0, rest);
    }
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

function renderSpan(node, bytes, selection) {
  const parts = [];
  let at = node.start;
  for (const child of node.children) {
    if (child.start > at) parts.push(byteSlice(bytes, at, child.start));
    parts.push(renderSpan(child, bytes, selection));
    at = child.end;
  }
  if (node.end > at) parts.push(byteSlice(bytes, at, node.end));
  if (node.kind === 'root') return el('div', { class: 'text' }, ...parts);
  const classes = ['hl', 'hl-' + node.kind];
  const isSelected = (node.kind === 'event' && node.events.includes(selection.event)) ||
    (node.kind === 'quote' && node.start === selection.quote);
  if (isSelected) classes.push('selected');
  if (node.kind === 'verb' && node.events.includes(selection.event)) classes.push('selected-verb');
  const span = el('span', { class: classes.join(' '), 'data-kind': node.kind, 'data-start': node.start, 'data-end': node.end,
    'data-event': node.events.length ? node.events.join(' ') : null, title: node.kind + (node.labels.length ? ': ' + node.labels.join('; ') : '') }, ...parts);
  if (node.kind === 'event' && node.events.length) {
    span.addEventListener('click', (event) => {
      event.stopPropagation();
      navigate(Object.assign(readState(), { event: node.events[0], quote: undefined }), true);
    });
  }
  return span;
}

function drawArticle(article, state) {
  const text = article.text || '';
  const bytes = encoder.encode(text);
  const selection = { event: state.event !== undefined ? Number(state.event) : null, quote: state.quote !== undefined ? Number(state.quote) : null };
  $('article-title').textContent = article.title || 'Article ' + article.id;
  const name = article.title ? null : article.ext_id ? String(article.ext_id).split('/').pop() : null;
  $('article-meta').textContent = [name, article.date, article.source, article.url].filter(Boolean).join(' · ');
  const body = $('article-text');
  body.replaceChildren(renderSpan(spanTree(article.spans || [], bytes.length), bytes, selection));

  const list = $('article-events');
  list.replaceChildren();
  const seen = new Set();
  for (const span of (article.spans || []).filter((s) => s.kind === 'event').sort((a, b) => a.start - b.start)) {
    if (span.event === undefined || seen.has(span.event)) continue;
    seen.add(span.event);
    const item = el('li', { class: span.event === selection.event ? 'selected-item' : null },
      el('a', { href: stateUrl(Object.assign({}, state, { event: span.event, quote: undefined })), text: span.label || 'event ' + span.event }));
    item.firstChild.addEventListener('click', (event) => {
      event.preventDefault();
      navigate(Object.assign({}, state, { event: span.event, quote: undefined }), true);
    });
    list.append(item);
  }
  if (seen.size === 0) list.append(el('li', { class: 'empty', text: 'none' }));
  const target = body.querySelector('.selected');
  if (target) target.scrollIntoView({ block: 'center' });
}

// The timeline of FILTERS by STATE.by; without a chosen period, by day when the events span
// up to half a year, else by week up to three years, else by month.
async function timelineFor(state, filters) {
  if (state.by) return api('timeline', Object.assign({ by: state.by }, filters));
  const daily = await api('timeline', Object.assign({ by: 'day' }, filters));
  const periods = daily.periods || [];
  const days = periods.length < 2 ? 0 : (parseDay(periods[periods.length - 1].period) - parseDay(periods[0].period)) / DAY_MS;
  if (!(days > 183)) return daily;
  return api('timeline', Object.assign({ by: days > 3 * 366 ? 'month' : 'week' }, filters));
}

// ---- drawing a state ----------------------------------------------------------------------

let generation = 0;

async function render() {
  const state = readState();
  const mine = ++generation;
  const current = () => mine === generation;
  fillForm(state);
  const articleMode = state.article !== undefined;
  $('dashboard').hidden = articleMode;
  $('article-view').hidden = !articleMode;
  setStatus('Loading…');
  try {
    if (articleMode) {
      if (!/^\d+$/.test(state.article)) throw new Error('article must be a number, not ' + JSON.stringify(state.article));
      const article = await api('articles/' + state.article);
      if (!current()) return;
      drawArticle(article, state);
      setStatus('');
      return;
    }
    const filters = filtersOf(state);
    const networkFilters = Object.assign({}, filters);
    delete networkFilters.source;  // the network keeps its context; the chosen dyad is marked in it
    delete networkFilters.target;
    const [timeline, dyads, events, speakers] = await Promise.all([
      timelineFor(state, filters),
      api('dyads', Object.assign({ limit: 40 }, networkFilters)),
      api('events', Object.assign({ limit: PAGE, offset: state.offset || 0 }, filters)),
      api('quotes', { group: 'speaker' }),
    ]);
    if (!current()) return;
    drawTimeline(timeline, state);
    drawNetwork(dyads, state);
    drawEvents(events, state);
    const speaker = drawSpeakers(speakers, state);
    if (speaker) {
      const quotes = await api('quotes', { speaker });
      if (!current()) return;
      drawQuotes(quotes, state);
    }
    setStatus('');
  } catch (err) {
    if (current()) setStatus(err.message, true);
  } finally {
    if (current()) document.body.dataset.ready = String(mine);
  }
}

// ---- wiring -------------------------------------------------------------------------------

function wire() {
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(keepView(readState(), formState()));
  });
  $('reset').addEventListener('click', () => navigate(keepView(readState(), {})));
  $('by').addEventListener('change', () => navigate(Object.assign(readState(), { by: $('by').value, offset: undefined })));
  $('prev').addEventListener('click', () => {
    const state = readState();
    const offset = Math.max(0, Number(state.offset || 0) - PAGE);
    navigate(Object.assign(state, { offset: offset || undefined }));
  });
  $('next').addEventListener('click', () => {
    const state = readState();
    navigate(Object.assign(state, { offset: Number(state.offset || 0) + PAGE }));
  });
  $('back').addEventListener('click', () => {
    if (history.state && history.state.tacitus) history.back();
    else navigate(Object.assign(readState(), { article: undefined, event: undefined, quote: undefined }));
  });
  window.addEventListener('popstate', render);
}

wire();
loadReference().finally(render);
