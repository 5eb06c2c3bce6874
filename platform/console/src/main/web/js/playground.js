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
  ['plan', 'Reorder plan', planTab],
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
    const answer = await post('/filtering/similar', { item: item.item, n: 5 });
    show(similar, h('h3', {}, `Items like ${item.name || item.item}`), ranked(answer.items, null));
  }
  /** The item's catalogue name with its id and category below; the id alone when the catalogue lacks it. */
  function label(item) {
    const details = item.name ? [item.item, item.category].filter(Boolean).join(' · ') : '';
    return [h('span.item-name', {}, item.name || item.item), details ? h('span.muted.small', {}, details) : null];
  }
  function ranked(items, onPick) {
    const top = Math.max(...items.map(i => i.score), 1e-12);
    return h('ol.ranked', {}, items.map(i => h('li', { title: i.item },
      onPick ? h('a.item', { href: '#/playground', onclick: event => {
        event.preventDefault();
        onPick(i).catch(fail);
      } }, ...label(i)) : h('span.item', {}, ...label(i)),
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
    show(table, h('table#segments-table.grid.compact', {}, h('tr', {}, h('th', {}, 'customer'), h('th', {}, 'segment')),
      answer.assignments.map(a => h('tr', {}, h('td', {}, a.customer), h('td', {}, a.segment)))));
  };
  const profiles = h('div#segments-profiles.table-scroll');
  get('/segmentation/profiles').then(answer => show(profiles, profilesTable(answer))).catch(fail);
  return h('div.card', {}, h('h3', {}, 'Segment profiles'), profiles,
    form(field('Customers', customers, 'ids separated by blanks or commas'), 'Assign', run),
    caption, h('div.chart.short', {}, canvas), table);
}

/** One row per segment: its size, the mean (and middle quantiles) of every feature, the categories it favours. */
function profilesTable(answer) {
  const levels = answer.quantileLevels || [];
  const spread = (segment, feature) => {
    const values = segment.quantiles?.[feature];
    if (!values || levels.length < 2) {
      return '';
    }
    return ` (${number(values[0])} … ${number(values[levels.length - 1])})`;
  };
  // models fitted without category spend have none: no empty column then
  const categories = answer.segments.some(segment => segment.topCategories.length > 0);
  const range = levels.length >= 2 ? ` (${number(levels[0] * 100)}–${number(levels[levels.length - 1] * 100)}%)` : '';
  return h('table#profiles-table.grid.compact', {},
    h('caption.muted.small', {}, `model ${answer.model.id}; feature means${range}`),
    h('tr', {}, h('th', {}, 'segment'), h('th', {}, 'customers'), answer.features.map(f => h('th', {}, f)),
      categories ? h('th', {}, 'top categories') : null),
    answer.segments.map(segment => h('tr', {}, h('td', {}, segment.name), h('td.num', {}, segment.size),
      answer.features.map(f => h('td.num', {}, number(segment.means[f]) + spread(segment, f))),
      categories ? h('td', {}, segment.topCategories.map(c => `${c.category} ${number(c.share * 100, 0)}%`).join(', '))
        : null)));
}

/** The columns of the demo's optimization/position.csv (and of `mercator plan --input`), as the API names them. */
const POSITION_COLUMNS = {
  sku: 'sku', demand_mean: 'demandMean', demand_std_dev: 'demandStdDev', lead_time_mean: 'leadTimeMean',
  lead_time_std_dev: 'leadTimeStdDev', review_period: 'reviewPeriod', on_hand: 'onHand', on_order: 'onOrder',
  backorders: 'backorders', unit_cost: 'unitCost', holding_cost_rate: 'holdingCostRate',
  ordering_cost: 'orderingCost', target_service_level: 'targetServiceLevel',
  min_order_quantity: 'minOrderQuantity', case_pack: 'casePack',
};
const POSITION_REQUIRED = ['sku', 'demand_mean', 'demand_std_dev', 'lead_time_mean', 'on_hand', 'unit_cost',
  'holding_cost_rate', 'target_service_level'];

/** A few SKU-locations in the demo's position.csv format: daily demand, days of lead time, a yearly holding rate. */
const DEMO_POSITIONS = `sku,demand_mean,demand_std_dev,lead_time_mean,lead_time_std_dev,review_period,on_hand,unit_cost,holding_cost_rate,ordering_cost,target_service_level,min_order_quantity,case_pack
S01/SKU-00001,12.4,4.1,5,1,7,40,6.00,0.25,20,0.95,0,6
S01/SKU-00002,3.2,1.8,7,2,7,30,14.50,0.25,20,0.95,0,1
S01/SKU-00003,25.0,7.5,4,1,7,260,2.20,0.25,20,0.95,24,12
S02/SKU-00001,8.9,3.3,5,1,7,0,6.00,0.25,20,0.95,0,6
S02/SKU-00004,1.1,0.9,10,3,7,5,32.00,0.25,20,0.98,0,1
S02/SKU-00005,17.6,5.2,6,1.5,7,55,4.75,0.25,20,0.9,10,10`;

/** Parses position CSV rows into the plan request's items; a bad cell is named by its line and column. */
function parsePositions(text) {
  const lines = text.split(/\r?\n/).map(line => line.trim());
  const header = (lines[0] || '').split(',').map(name => name.trim().toLowerCase());
  header.forEach((name, column) => {
    if (!POSITION_COLUMNS[name]) {
      throw new Error(`positions: line 1, column ${column + 1}: unknown column '${name}'`);
    }
  });
  const missing = POSITION_REQUIRED.filter(name => !header.includes(name));
  if (missing.length) {
    throw new Error(`positions: line 1: missing the column(s) ${missing.join(', ')}`);
  }
  const items = [];
  lines.slice(1).forEach((line, index) => {
    if (line === '') {
      return;
    }
    const cells = line.split(',').map(cell => cell.trim());
    if (cells.length !== header.length) {
      throw new Error(`positions: line ${index + 2}: ${cells.length} values for ${header.length} columns`);
    }
    const item = {};
    header.forEach((name, column) => {
      if (name === 'sku') {
        item.sku = cells[column];
        return;
      }
      const value = Number(cells[column]);
      if (cells[column] === '' || !Number.isFinite(value)) {
        throw new Error(`positions: line ${index + 2}, column ${column + 1} (${name}): '${cells[column]}' is not `
          + 'a number');
      }
      item[POSITION_COLUMNS[name]] = value;
    });
    items.push(item);
  });
  if (!items.length) {
    throw new Error('positions: enter at least one SKU-location below the header');
  }
  return items;
}

function planTab() {
  const positions = h('textarea#plan-positions', { rows: 8, spellcheck: false, value: DEMO_POSITIONS });
  const measure = h('select#plan-measure', {}, h('option', { value: 'cycle-service-level' }, 'cycle service level'),
    h('option', { value: 'fill-rate' }, 'fill rate'));
  const canvas = h('canvas#plan-chart');
  const table = h('div.table-scroll');
  const caption = h('p.muted');
  const run = async () => {
    const items = parsePositions(positions.value);
    const answer = await post('/optimization/plan', { items, serviceMeasure: measure.value });
    const ordering = answer.plan.filter(line => line.orderQuantity > 0).length;
    caption.textContent = `${answer.plan.length} SKU-locations, ${ordering} to order now; `
      + `model ${answer.model.id} (${answer.model.strategy} ${answer.model.strategyVersion})`;
    barChart(canvas, answer.plan.map(line => line.sku), answer.plan.map(line => line.orderQuantity), 'order now');
    show(table, h('table#plan-table.grid.compact', {},
      h('tr', {}, ['SKU-location', 'safety stock', 'reorder point', 'order up to', 'order now', 'fill rate',
        'binding'].map(title => h('th', {}, title))),
      answer.plan.map(line => h('tr', {}, h('td', {}, line.sku), h('td.num', {}, number(line.safetyStock)),
        h('td.num', {}, number(line.reorderPoint)), h('td.num', {}, number(line.orderUpTo)),
        h('td.num', {}, number(line.orderQuantity)), h('td.num', {}, number(line.expectedFillRate, 3)),
        h('td', {}, line.bindingConstraint || 'none')))));
  };
  return h('div.card', {},
    form([
      field('Positions', positions, 'CSV as in the demo\'s optimization/position.csv: one SKU-location a line'),
      h('div.row', {}, field('Service target', measure, 'what target_service_level means'))], 'Plan', run),
    caption, h('div.chart', {}, canvas), table);
}
