// An explorer for the dataset, with no framework and no build step: filters
// wired to createTimeline().query and kept in the address (so a view can be
// shared), a time axis fitted to the events shown (dots when they are few,
// a density strip when they are many), a bar per year, and a paged list
// whose entries open to the summary, the sources and the links.
// ?data=URL loads another events.json. On a site made by
// `democracy-timeline site`, the page says where its data is
// (data-source) and where the event pages are (data-event-base), and
// ?data= is not followed: the page asks nothing of any other host.
import { countEvents, createTimeline, markdownToHtml } from 'democracy-timeline';

const SVG = 'http://www.w3.org/2000/svg';
const PAGE = 50;
const $ = (id) => document.getElementById(id);
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
const el = (name, attrs = {}, text) => {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

const params = new URLSearchParams(location.search);
const config = document.querySelector('[data-source]')?.dataset ?? {};
const source = config.source ?? params.get('data') ?? '../../data/events.json';
$('status').textContent = 'Loading…';
let events;
try {
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  events = await response.json();
} catch (error) {
  $('status').textContent = `Could not load ${source}: ${error.message}`;
  throw error;
}
const timeline = createTimeline(events);
const total = timeline.events.length;
// The words are indexed in the background, in slices, while the page is read.
void timeline.indexText();

// The controls' choices, from the data.
for (const { key, count } of timeline.tags()) $('tag').append(new Option(`${key} (${count})`, key));
for (const { key } of timeline.actors().slice(0, 2000)) $('actors').append(new Option(key));
for (let level = 10; level >= 1; level--) $('min').append(new Option(`${level}`, String(level)));

// The state lives in the address.
const FIELDS = ['text', 'tag', 'actor', 'from', 'to', 'min'];
for (const name of FIELDS) if (params.has(name)) $(name).value = params.get(name);
let page = Math.max(0, Number(params.get('page') ?? 0) || 0);

function currentQuery() {
  const v = (name) => $(name).value.trim();
  const year = (name) => (/^\d{1,4}$/.test(v(name)) ? v(name).padStart(4, '0') : undefined);
  return {
    text: v('text') || undefined,
    tags: v('tag') || undefined,
    actors: v('actor') || undefined,
    from: year('from'),
    to: year('to'),
    minImportance: v('min') ? Number(v('min')) : undefined,
  };
}

// An event's first possible day (events.json spells it out as dateStart;
// a month, a year or a range is not a day Date.parse reads).
const day = (e) => Date.parse(`${e.dateStart ?? e.date}T00:00:00Z`);

/**
 * Where the axes start: at the first event shown, unless a few early ones
 * (at most 2%) would squeeze all the others into a sliver of the axis; then
 * after them, and the axes say how many they leave out.
 */
function focus(shown) {
  const k = Math.floor(shown.length * 0.02);
  if (k === 0) return 0;
  const span = (i) => day(shown[shown.length - 1]) - day(shown[i]);
  return span(k) < span(0) / 2 ? k : 0;
}

function earlier(svg, shown, cut) {
  if (cut) svg.append(el('text', { class: 'earlier', x: 40, y: 14 }, `◀ ${cut} earlier (${shown[0].date.slice(0, 4)}–${shown[cut - 1].date.slice(0, 4)}), not on this axis: narrow the dates to see them`));
}

/** The time axis, fitted to the events shown. */
function drawTimeline(all) {
  const svg = $('timeline');
  svg.replaceChildren();
  const cut = focus(all);
  const shown = all.slice(cut);
  earlier(svg, all, cut);
  if (!shown.length) return;
  const first = day(shown[0]);
  const last = day(shown[shown.length - 1]);
  const pad = Math.max(15 * 86_400_000, (last - first) * 0.02);
  const lo = first - pad;
  const hi = last + pad;
  const x = (t) => 40 + ((t - lo) / (hi - lo)) * 820;
  svg.append(el('line', { x1: 40, x2: 860, y1: 120, y2: 120, stroke: '#999' }));
  // About eight ticks, on whole years.
  const from = new Date(lo).getUTCFullYear();
  const to = new Date(hi).getUTCFullYear();
  const step = Math.max(1, Math.ceil((to - from + 1) / 8));
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) {
    const at = new Date(0);
    at.setUTCFullYear(y, 0, 1);
    if (at.getTime() < lo || at.getTime() > hi) continue;
    svg.append(el('line', { x1: x(at.getTime()), x2: x(at.getTime()), y1: 120, y2: 125, stroke: '#999' }), el('text', { x: x(at.getTime()) - 12, y: 140 }, String(y)));
  }
  if (shown.length <= 400) {
    for (const e of shown) {
      const importance = e.importance ?? 0;
      const dot = el('circle', { class: 'event', cx: x(day(e)), cy: 110 - importance * 9, r: 2.5 + importance / 2, 'data-id': e.id });
      dot.append(el('title', {}, `${e.date} ${e.title}`));
      svg.append(dot);
    }
    return;
  }
  // Many events: how many fall in each of 270 slices of the axis.
  const bins = new Array(270).fill(0);
  for (const e of shown) bins[Math.min(269, Math.floor(((day(e) - lo) / (hi - lo)) * 270))]++;
  const max = Math.max(...bins);
  bins.forEach((count, i) => {
    if (!count) return;
    const height = 4 + (count / max) * 96;
    const bar = el('rect', { class: 'density', x: 40 + (i * 820) / 270, y: 118 - height, width: 820 / 270 - 0.5, height });
    bar.append(el('title', {}, `${count} events`));
    svg.append(bar);
  });
}

/** A bar per year of the events shown, empty years included. */
function drawYears(all) {
  const svg = $('years');
  svg.replaceChildren();
  const cut = focus(all);
  const shown = all.slice(cut);
  earlier(svg, all, cut);
  const rows = countEvents(shown, 'year');
  const max = Math.max(1, ...rows.map((r) => r.count));
  const width = rows.length ? 820 / rows.length : 0;
  rows.forEach((r, i) => {
    const height = (r.count / max) * 100;
    const bar = el('rect', { class: 'bar', x: 40 + i * width, y: 110 - height, width: Math.max(0.5, width - (width > 3 ? 1 : 0)), height, 'data-year': r.key });
    bar.append(el('title', {}, `${r.key}: ${r.count}`));
    svg.append(bar);
  });
  const labels = Math.max(1, Math.ceil(rows.length / 12));
  rows.forEach((r, i) => i % labels === 0 && svg.append(el('text', { x: 40 + i * width, y: 126 }, String(r.key))));
}

/** One entry: a line that opens to the summary, the sources and the tags and actors. */
function entry(e) {
  const li = document.createElement('li');
  li.className = 'event';
  li.dataset.id = e.id;
  const sources = e.sources
    .map((s) => {
      const label = escapeHtml(s.title ?? s.url);
      const cite = s.url ? `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer" target="_blank">${label}</a>` : label;
      const more = [s.publisher, s.date].filter(Boolean).map(escapeHtml).join(', ');
      return `<li>${cite}${more ? ` <span class="meta">(${more})</span>` : ''}</li>`;
    })
    .join('');
  li.innerHTML = `<details><summary><span class="date">${escapeHtml(e.date)}</span><span class="imp" title="importance">${e.importance ?? '–'}</span>${escapeHtml(e.title)}</summary>
    <div class="body">${markdownToHtml(e.summary)}<ol class="sources">${sources}</ol>
    ${config.eventBase ? `<p><a href="${config.eventBase}${encodeURIComponent(e.id)}/">The page of this event: ${escapeHtml(e.title)}</a></p>` : ''}
    <p class="meta">${e.tags.map(escapeHtml).join(', ')}${e.actors.length ? ` · ${e.actors.map(escapeHtml).join(', ')}` : ''} · <code>${escapeHtml(e.id)}</code></p></div></details>`;
  return li;
}

let shown = [];
let renders = 0;

function render() {
  const start = performance.now();
  let error = '';
  try {
    shown = timeline.query(currentQuery());
  } catch (e) {
    // A year that is not a real date, say: the message says what to write.
    shown = [];
    error = e.message;
  }
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  page = Math.min(page, pages - 1);
  drawTimeline(shown);
  drawYears(shown);
  $('list').replaceChildren(...shown.slice(page * PAGE, (page + 1) * PAGE).map(entry));
  $('page').textContent = `page ${page + 1} of ${pages}`;
  $('prev').disabled = page === 0;
  $('next').disabled = page >= pages - 1;
  const took = performance.now() - start;
  $('status').textContent = error || `${shown.length} of ${total} events (${took < 10 ? took.toFixed(1) : Math.round(took)} ms)`;
  // For scripts and tests: what is shown, and that a render finished.
  document.body.dataset.count = String(shown.length);
  document.body.dataset.renders = String(++renders);
  const query = new URLSearchParams();
  if (params.has('data') && !config.source) query.set('data', source);
  for (const name of FIELDS) if ($(name).value.trim()) query.set(name, $(name).value.trim());
  if (page) query.set('page', String(page));
  history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
}

// Typing renders once per frame, however fast the keys come.
let pending = 0;
const soon = () => {
  page = 0;
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(render);
};
$('filters').addEventListener('input', soon);
$('filters').addEventListener('change', soon);
$('reset').addEventListener('click', (event) => {
  // Cleared and drawn at once, so no later frame can draw the old filters.
  event.preventDefault();
  cancelAnimationFrame(pending);
  for (const name of FIELDS) $(name).value = '';
  page = 0;
  render();
});
$('filters').addEventListener('submit', (e) => e.preventDefault());
$('prev').addEventListener('click', () => {
  page--;
  render();
});
$('next').addEventListener('click', () => {
  page++;
  render();
});
render();
