// An explorer for the dataset, with no framework and no build step: filters
// wired to createTimeline().query and kept in the address (so a view can be
// shared), a time axis fitted to the events shown (dots when they are few,
// a density strip when they are many), a bar per year, and a paged list
// whose entries open to the summary, the sources and the links.
// ?data=URL loads another events.json. On a site made by
// `democracy-timeline site`, the page says where its data is
// (data-source) and where the event pages are (data-event-base), and
// ?data= is not followed: the page asks nothing of any other host.
import { countEvents, createTimeline, markdownToHtml, parseDate } from 'democracy-timeline';

const SVG = 'http://www.w3.org/2000/svg';
const PAGE = 50;
const $ = (id) => document.getElementById(id);
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
const el = (name, attrs = {}, text) => {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
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
// Tags and actors: type to filter (a datalist), each with its count, most used first.
const choice = (key, count) => {
  const option = new Option(key, key);
  option.label = `${count} ${count === 1 ? 'event' : 'events'}`;
  return option;
};
$('tags').append(...timeline.tags().map(({ key, count }) => choice(key, count)));
$('actors').append(...timeline.actors().map(({ key, count }) => choice(key, count)));
for (let level = 10; level >= 1; level--) $('min').append(new Option(`${level}`, String(level)));

// The state lives in the address.
const FIELDS = ['text', 'tag', 'actor', 'from', 'to', 'min', 'sort'];
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

// An event's first and last possible days, as times: a month, a year, an
// approximate date or a range is not a day Date.parse reads, so the date is
// read as the package reads it (events.json also spells them out as
// dateStart and dateEnd). An open range ends where it starts, on the axis.
const spans = new WeakMap();
function spanOf(e) {
  let span = spans.get(e);
  if (!span) {
    const read = parseDate(e.date);
    const start = Date.parse(`${read?.start ?? e.dateStart}T00:00:00Z`);
    const last = read?.end ?? e.dateEnd;
    span = { start, end: last && last !== '9999-12-31' ? Date.parse(`${last}T00:00:00Z`) : start, approximate: Boolean(read?.approximate ?? e.dateApproximate) };
    spans.set(e, span);
  }
  return span;
}
const day = (e) => spanOf(e).start;
const dayEnd = (e) => spanOf(e).end;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * Ticks that fit the span: the smallest step of months or years that gives
 * at most eight, labelled with the year, or the month when steps are less
 * than a year ("Mar", and the year at January).
 */
function ticks(lo, hi) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const months = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000];
  const first = new Date(lo);
  const startMonth = first.getUTCFullYear() * 12 + first.getUTCMonth();
  const span = (hi - lo) / (30.44 * 86_400_000);
  const step = months.find((m) => span / m <= 8) ?? 12000;
  const out = [];
  for (let m = Math.ceil(startMonth / step) * step; ; m += step) {
    const at = new Date(0);
    at.setUTCFullYear(Math.floor(m / 12), m % 12, 1);
    if (at.getTime() > hi) break;
    if (at.getTime() < lo) continue;
    const label = step < 12 && m % 12 !== 0 ? MONTHS[m % 12] : String(Math.floor(m / 12));
    out.push([at.getTime(), label]);
  }
  return out;
}

/** What a mark means, under the axis: dots by importance (higher and larger), or bars by how many events a slice holds. */
function legend(dots) {
  $('legend').textContent = dots
    ? 'Each dot is an event: higher and larger is more important (1-10; not rated: lowest). A line runs over the days a range, a month or a year covers; dashed when the date is approximate.'
    : 'Each bar is a slice of time: its height is how many of the events shown fall in it. Narrow the filters to 400 events or fewer to see each one.';
}

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
  // To the last day any of them can be: a range ends after later events start.
  let last = day(shown[shown.length - 1]);
  for (const e of shown) last = Math.max(last, dayEnd(e));
  const pad = Math.max(15 * 86_400_000, (last - first) * 0.02);
  const lo = first - pad;
  const hi = last + pad;
  const x = (t) => 40 + ((t - lo) / (hi - lo)) * 820;
  svg.append(el('line', { x1: 40, x2: 860, y1: 120, y2: 120, stroke: '#999' }));
  for (const [t, label] of ticks(lo, hi)) {
    svg.append(el('line', { x1: x(t), x2: x(t), y1: 120, y2: 125, stroke: '#999' }), el('text', { x: x(t), y: 140, 'text-anchor': 'middle' }, label));
  }
  legend(shown.length <= 400);
  if (shown.length <= 400) {
    for (const e of shown) {
      const importance = e.importance ?? 0;
      const y = 110 - importance * 9;
      // A range, or a date known only to the month or year, spans its days; a dashed line when approximate.
      const end = dayEnd(e);
      if (end > day(e) + 86_400_000) svg.append(el('line', { class: 'span', x1: x(day(e)), x2: x(Math.min(end, hi)), y1: y, y2: y, 'stroke-dasharray': spanOf(e).approximate ? '3 2' : null }));
      const dot = el('circle', { class: 'event', cx: x(day(e)), cy: y, r: 2.5 + importance / 2, 'data-id': e.id });
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
let inOrder = [];
let renders = 0;

/** The list in the order asked for: by date (oldest or newest first) or by importance. The axes do not mind. */
function sorted(list) {
  const by = $('sort').value;
  if (by === 'newest') return [...list].reverse();
  if (by === 'importance') return [...list].sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0) || day(b) - day(a));
  return list;
}

function render() {
  const start = performance.now();
  let error = '';
  try {
    inOrder = timeline.query(currentQuery());
  } catch (e) {
    // A year that is not a real date, say: the message says what to write.
    inOrder = [];
    error = e.message;
  }
  shown = sorted(inOrder);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  page = Math.min(page, pages - 1);
  drawTimeline(inOrder);
  drawYears(inOrder);
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
