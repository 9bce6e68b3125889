// A timeline drawn as SVG with no framework: events on a time axis sized by
// importance, a tag filter and a text box wired to createTimeline().query,
// and a per-year bar chart. ?data=URL loads another events.json.
import { createTimeline, countEvents } from 'democracy-timeline';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
const el = (name, attrs = {}, text) => {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

const source = new URLSearchParams(location.search).get('data') ?? '../../data/events.json';
const events = await (await fetch(source)).json();
const timeline = createTimeline(events);

for (const { key, count } of timeline.tags()) {
  const option = document.createElement('option');
  option.value = String(key);
  option.textContent = `${key} (${count})`;
  $('tag').append(option);
}

const time = (date) => Date.parse(`${date}T00:00:00Z`);
const first = time(timeline.events[0]?.date ?? '2000-01-01');
const last = time(timeline.events.at(-1)?.date ?? '2000-01-01');
const x = (date) => 40 + ((time(date) - first) / Math.max(1, last - first)) * 820;

function drawTimeline(shown) {
  const svg = $('timeline');
  svg.replaceChildren(el('line', { x1: 40, x2: 860, y1: 120, y2: 120, stroke: '#999' }));
  svg.append(el('text', { x: 40, y: 145 }, timeline.events[0]?.date ?? ''), el('text', { x: 800, y: 145 }, timeline.events.at(-1)?.date ?? ''));
  shown.forEach((e, i) => {
    const circle = el('circle', { class: 'event', cx: x(e.date), cy: 100 - (i % 4) * 20, r: 3 + e.importance, 'data-id': e.id });
    circle.append(el('title', {}, `${e.date} ${e.title}`));
    svg.append(circle);
  });
}

function drawYears(shown) {
  const svg = $('years');
  const rows = countEvents(shown, 'year');
  const max = Math.max(1, ...rows.map((r) => r.count));
  const width = rows.length ? 820 / rows.length : 0;
  svg.replaceChildren();
  rows.forEach((r, i) => {
    const height = (r.count / max) * 100;
    svg.append(el('rect', { class: 'bar', x: 40 + i * width, y: 110 - height, width: Math.max(1, width - 2), height, 'data-year': r.key }));
    if (rows.length <= 30) svg.append(el('text', { x: 40 + i * width, y: 125 }, String(r.key)));
  });
}

function render() {
  const tag = $('tag').value;
  const text = $('text').value;
  const shown = timeline.query({ tags: tag || undefined, text: text || undefined });
  drawTimeline(shown);
  drawYears(shown);
  $('list').replaceChildren(
    ...shown.map((e) => {
      const li = document.createElement('li');
      li.dataset.id = e.id;
      li.textContent = `${e.date} — ${e.title}`;
      return li;
    }),
  );
  $('status').textContent = `${shown.length} of ${timeline.events.length} events`;
}

$('tag').addEventListener('change', render);
$('text').addEventListener('input', render);
render();
