// The query playground: one tab per family query, each with a picture where a picture says more than a table.
import { allows, get, post } from './api.js';
import { h, number, show } from './dom.js';
import { fail } from './messages.js';
import { barChart, forecastChart, priceChart } from './charts.js';

const TABS = [
  ['forecast', 'Forecast', forecastTab],
  ['recommend', 'Recommendations', recommendTab],
  ['pricing', 'Price curve', pricingTab],
  ['segments', 'Segments', segmentsTab],
];

export function playgroundPage(view, session) {
  if (!allows(session.role, 'operator')) {
    show(view, h('h1', {}, 'Query playground'),
      h('p.card', {}, `Queries need the operator role; this token is a ${session.role}.`));
    return { leave() {} };
  }
  const body = h('div');
  const tabs = h('nav.tabs', {}, TABS.map(([id, title, build]) => h('button', { type: 'button', dataset: { tab: id },
    onclick: event => {
      tabs.querySelectorAll('button').forEach(b => b.classList.toggle('active', b === event.target));
      show(body, build());
    } }, title)));
  show(view, h('h1', {}, 'Query playground'), tabs, body);
  tabs.querySelector('button').click();
  return { leave() {} };
}

/** A labelled form field. */
function field(label, input, hint) {
  return h('label.field', {}, h('span', {}, label), input, hint ? h('span.muted.small', {}, hint) : null);
}

/** Runs `query` when the form is submitted, with the button disabled meanwhile. */
function form(fields, submitLabel, query) {
  const button = h('button', { type: 'submit' }, submitLabel);
  return h('form.query', { onsubmit: async event => {
    event.preventDefault();
    button.disabled = true;
    try {
      await query();
    } catch (error) {
      fail(error);
    } finally {
      button.disabled = false;
    }
  } }, fields, h('div.submit', {}, button));
}

/** Numbers separated by commas, blanks or new lines; a bad one is named by its position. */
function parseNumbers(text, what) {
  const parts = text.split(/[\s,;]+/).filter(part => part !== '');
  return parts.map((part, index) => {
    const value = Number(part);
    if (!Number.isFinite(value)) {
      throw new Error(`${what}: value ${index + 1} ('${part}') is not a number`);
    }
    return value;
  });
}

/** Four years of monthly demand with trend and a yearly season; a fixed pseudo-random wobble keeps it repeatable. */
function demoSeries() {
  return Array.from({ length: 48 }, (_, t) => {
    const season = 18 * Math.sin((2 * Math.PI * t) / 12) + 6 * Math.cos((4 * Math.PI * t) / 12);
    const wobble = 5 * Math.sin(t * 12.9898) * Math.cos(t * 78.233);
    return Math.round((120 + 0.9 * t + season + wobble) * 10) / 10;
  });
}

function forecastTab() {
  const series = h('textarea#forecast-series', { rows: 4, spellcheck: false,
    placeholder: 'e.g. 112 118 132 129 121 135 …' });
  const horizon = h('input#forecast-horizon', { type: 'number', min: 1, max: 1000, value: 12 });
  const levels = h('input#forecast-levels', { value: '80, 95' });
  const season = h('input#forecast-season', { type: 'number', min: 0, value: 12 });
  const strategy = h('select#forecast-strategy', {}, h('option', { value: '' }, '(the family default)'));
  const canvas = h('canvas#forecast-chart');
  const table = h('div.table-scroll');
  const caption = h('p.muted');
  get('/strategies?family=forecasting').then(({ strategies }) => strategies.forEach(s => strategy.append(
    h('option', { value: `${s.name}@${s.version}` }, `${s.name} ${s.version}${s.default ? ' (default)' : ''}`))))
    .catch(fail);

  const run = async () => {
    const values = parseNumbers(series.value, 'series');
    if (values.length < 2) {
      throw new Error('series: enter at least two values (or use the demo data)');
    }
    const answer = await post('/forecasting/forecast', {
      series: [{ id: 'series', values }], horizon: Number(horizon.value),
      levels: parseNumbers(levels.value, 'levels'), seasonLength: Number(season.value) || 0,
      ...(strategy.value ? { strategy: strategy.value } : {}) });
    const forecast = answer.forecasts[0];
    caption.textContent = `${answer.strategy.name} ${answer.strategy.version}: ${values.length} observations, `
      + `${answer.horizon} periods ahead`;
    forecastChart(canvas, values, forecast);
    show(table, h('table#forecast-table.grid.compact', {},
      h('tr', {}, h('th', {}, 'period'), h('th', {}, 'mean'),
        forecast.intervals.map(i => h('th', {}, `${i.level}% interval`))),
      forecast.mean.map((mean, step) => h('tr', {}, h('td.num', {}, values.length + step + 1),
        h('td.num', {}, number(mean)),
        forecast.intervals.map(i => h('td.num', {}, `${number(i.lower[step])} … ${number(i.upper[step])}`))))));
  };
  return h('div.card', {},
    form([
      field('Series', series, 'one value per period, oldest first'),
      h('div.row', {},
        h('button#forecast-demo.quiet', { type: 'button', onclick: () => { series.value = demoSeries().join(' '); } },
          'Use demo data')),
      h('div.row', {}, field('Horizon', horizon), field('Levels (%)', levels),
        field('Season length', season, '0: none'), field('Strategy', strategy))], 'Forecast', run),
    caption, h('div.chart', {}, canvas), table);
}

function recommendTab() {
  const user = h('input#recommend-user', { value: 'C000001' });
  const count = h('input#recommend-n', { type: 'number', min: 1, max: 1000, value: 10 });
  const list = h('div#recommend-list');
  const caption = h('p.muted');
  const similar = h('div');

  async function showSimilar(item) {
    const answer = await post('/filtering/similar', { item, n: 5 });
    show(similar, h('h3', {}, `Items like ${item}`), ranked(answer.items, null));
  }
  function ranked(items, onPick) {
    const top = Math.max(...items.map(i => i.score), 1e-12);
    return h('ol.ranked', {}, items.map(i => h('li', {},
      onPick ? h('a', { href: '#/playground', onclick: event => {
        event.preventDefault();
        onPick(i.item).catch(fail);
      } }, i.item) : h('span', {}, i.item),
      h('span.bar', { style: { width: `${Math.max(2, (100 * i.score) / top)}%` } }),
      h('span.muted.small', {}, number(i.score, 3)))));
  }
  const run = async () => {
    const answer = await post('/filtering/recommend', { user: user.value.trim(), n: Number(count.value) });
    caption.textContent = `model ${answer.model.id} (${answer.model.strategy} ${answer.model.strategyVersion}); `
      + 'pick an item to see similar ones';
    show(list, ranked(answer.items, showSimilar));
    show(similar);
  };
  return h('div.card', {},
    form(h('div.row', {}, field('Customer', user, 'from the demo retailer: C000001 …'), field('How many', count)),
      'Recommend', run),
    caption, h('div.columns', {}, list, similar));
}

function pricingTab() {
  const product = h('input#pricing-product', { value: 'SKU-00001' });
  const cost = h('input#pricing-cost', { type: 'number', step: 'any', min: 0, value: 6 });
  const price = h('input#pricing-price', { type: 'number', step: 'any', min: 0, value: 10.99 });
  const canvas = h('canvas#pricing-chart');
  const caption = h('p.muted');
  const run = async () => {
    const id = product.value.trim();
    const unitCost = Number(cost.value);
    const currentPrice = Number(price.value);
    const recommended = await post('/pricing/recommend', { products: [{ id, unitCost, currentPrice }] });
    // the curve: the model's expected units and profit with the price held at each point of a grid
    const grid = Array.from({ length: 21 }, (_, i) => Math.round(currentPrice * (0.6 + 0.04 * i) * 100) / 100);
    const curve = await Promise.all(grid.map(async p => {
      const at = await post('/pricing/recommend', { products: [{ id, unitCost, currentPrice: p, minPrice: p,
        maxPrice: p }] });
      return { price: p, units: at.prices[0].expectedUnits, profit: at.prices[0].expectedProfit };
    }));
    const best = recommended.prices[0];
    caption.textContent = `recommended ${number(best.price)} (binding: ${best.bindingRule || 'none'}): `
      + `${number(best.expectedUnits)} units, profit ${number(best.expectedProfit)}; model ${recommended.model.id}`;
    priceChart(canvas, curve, best);
  };
  return h('div.card', {},
    form(h('div.row', {}, field('Product', product), field('Unit cost', cost), field('Current price', price)),
      'Draw the curve', run),
    caption, h('div.chart', {}, canvas));
}

function segmentsTab() {
  const customers = h('textarea#segments-customers', { rows: 3,
    value: Array.from({ length: 40 }, (_, i) => `C${String(i + 1).padStart(6, '0')}`).join(' ') });
  const canvas = h('canvas#segments-chart');
  const table = h('div.table-scroll');
  const caption = h('p.muted');
  const run = async () => {
    const ids = customers.value.split(/[\s,;]+/).filter(Boolean);
    const answer = await post('/segmentation/assign', { customers: ids });
    const counts = new Map();
    answer.assignments.forEach(a => counts.set(a.segment, (counts.get(a.segment) || 0) + 1));
    const bySize = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    caption.textContent = `${ids.length} customers in ${counts.size} segments; model ${answer.model.id}`;
    barChart(canvas, bySize.map(([name]) => name), bySize.map(([, n]) => n), 'customers');
    show(table, h('table.grid.compact', {}, h('tr', {}, h('th', {}, 'customer'), h('th', {}, 'segment')),
      answer.assignments.map(a => h('tr', {}, h('td', {}, a.customer), h('td', {}, a.segment)))));
  };
  return h('div.card', {}, form(field('Customers', customers, 'ids separated by blanks or commas'), 'Assign', run),
    caption, h('div.chart.short', {}, canvas), table);
}
