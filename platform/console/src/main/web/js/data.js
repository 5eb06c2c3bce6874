// Data sets, training jobs and models: upload a data set by drag and drop and read its validation report, train
// a strategy on it with live progress, and manage the models the jobs stored.
import { allows, call, get, post } from './api.js';
import { FAMILIES } from './strategies.js';
import { dropZone, every, h, number, show } from './dom.js';
import { fail, say } from './messages.js';

const POLL_MS = 1000;
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** The content type the API reads a file as, from its name. */
function contentType(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.tsv')) {
    return 'text/tab-separated-values';
  }
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) {
    return 'application/x-ndjson';
  }
  return name.endsWith('.json') ? 'application/json' : 'text/csv';
}

function familySelect(id) {
  return h(`select#${id}`, {}, FAMILIES.map(family => h('option', { value: family }, family)));
}

function field(label, input, hint) {
  return h('label.field', {}, h('span', {}, label), input, hint ? h('span.muted.small', {}, hint) : null);
}

/** The bad rows of an import: where each is (file, line, column, field) and why it was refused. */
function badRowsTable(report) {
  if (!report.badRows.length) {
    return null;
  }
  return h('div.table-scroll', {}, h('table#bad-rows.grid.compact', {},
    h('thead', {}, h('tr', {}, ['File', 'Line', 'Column', 'Field', 'Value', 'Reason'].map(t => h('th', {}, t)))),
    h('tbody', {}, report.badRows.map(row => h('tr', {},
      h('td', {}, row.source), h('td.num', {}, row.line), h('td', {}, row.column), h('td', {}, row.field),
      h('td', {}, row.value), h('td', {}, row.reason))))));
}

function reportCard(title, report, kind) {
  const more = report.badRowCount > report.badRows.length
    ? ` (the first ${report.badRows.length} are listed)` : '';
  return h(`div#validation-report.card.${kind}`, {},
    h('h3', {}, title),
    h('p', {}, kind === 'rejected'
      ? `${number(report.rowsRead, 0)} rows read, ${number(report.badRowCount, 0)} bad${more}: nothing was imported.`
      : `${number(report.rowsRead, 0)} rows read, ${number(report.rowsImported, 0)} imported, `
        + `${number(report.badRowCount, 0)} bad${more}.`),
    badRowsTable(report));
}

/**
 * The item catalogue that names the items of recommendations: how many items it has, a few of them, and
 * (operators) a drop zone that replaces it with a CSV or TSV file.
 */
function catalogueCard(operator) {
  const summary = h('p#item-catalogue-summary');
  const sample = h('ul.small');

  async function refresh() {
    try {
      const page = await get('/filtering/items?limit=5');
      summary.textContent = page.total
        ? `${number(page.total, 0)} items named in recommendations and similar items, for example:`
        : 'No item catalogue yet: recommendations show item ids.';
      show(sample, page.items.map(item => h('li', {}, `${item.name} `,
        h('span.muted', {}, [item.item, item.category].filter(Boolean).join(' · ')))));
    } catch (error) {
      fail(error);
    }
  }

  async function upload(file) {
    if (!file) {
      return;
    }
    say(`Uploading ${file.name} …`);
    try {
      const query = new URLSearchParams({ name: file.name });
      const replaced = await call('PUT', `/filtering/items?${query}`, { body: file,
        contentType: file.name.toLowerCase().endsWith('.tsv') ? 'text/tab-separated-values' : 'text/csv' });
      say(`${file.name}: the item catalogue has ${number(replaced.total, 0)} items now`);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  refresh();
  return h('div#item-catalogue.card', {}, h('h3', {}, 'Item catalogue'), summary, sample,
    operator ? dropZone({ id: 'catalogue-drop-zone', pickerId: 'catalogue-file',
      title: 'Drop an item catalogue (CSV) here',
      hint: 'A header row names the columns: the id (item_id, sku, product …), the name, optionally the category. '
        + 'It replaces the catalogue once the whole file is read.', accept: '.csv,.tsv,.txt' }, upload) : null);
}

export function datasetsPage(view, session) {
  const operator = allows(session.role, 'operator');
  const rows = h('tbody');
  const report = h('div');
  const family = familySelect('dataset-family');
  const delimiter = h('input#dataset-delimiter', { size: 3, placeholder: ',' });
  const dateFormat = h('input#dataset-date-format', { size: 12, placeholder: 'yyyy-MM-dd' });
  const mapping = h('input#dataset-mapping', { size: 28, placeholder: 'user_id=customer,item_id=sku' });
  const policy = h('select#dataset-policy', {}, h('option', { value: 'reject' }, 'reject the file'),
    h('option', { value: 'skip' }, 'skip and report them'));

  async function refresh() {
    try {
      const { datasets } = await get('/datasets');
      show(rows, datasets.map(dataset => h('tr', { dataset: { id: dataset.id } },
        h('td', {}, h('div', {}, dataset.label || dataset.sources.join(', ')), h('div.muted.small', {}, dataset.id)),
        h('td', {}, dataset.family),
        h('td.num', {}, number(dataset.rows, 0)),
        h('td.small', {}, dataset.fields.join(', ')),
        h('td.num', {}, number(dataset.lastImport.badRowCount, 0)),
        h('td.small', {}, new Date(dataset.updatedAt).toLocaleString()),
        h('td.actions', {},
          h('button.quiet', { type: 'button', dataset: { action: 'inspect' }, onclick: () => inspect(dataset.id) },
            'Report'),
          operator ? h('button.danger', { type: 'button', dataset: { action: 'delete' },
            onclick: () => remove(dataset) }, 'Delete') : null))));
    } catch (error) {
      fail(error);
    }
  }

  async function inspect(id) {
    try {
      const dataset = await get(`/datasets/${encodeURIComponent(id)}`);
      show(report, reportCard(`${dataset.label || dataset.sources.join(', ')}: last import`, dataset.lastImport,
        'ok'));
    } catch (error) {
      fail(error);
    }
  }

  async function remove(dataset) {
    if (!confirm(`Delete the data set ${dataset.label || dataset.id}?`)) {
      return;
    }
    try {
      await call('DELETE', `/datasets/${encodeURIComponent(dataset.id)}`);
      say(`${dataset.id} deleted`);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  async function upload(file) {
    if (!file) {
      return;
    }
    const query = new URLSearchParams({ family: family.value, name: file.name, policy: policy.value, label: file.name });
    if (delimiter.value) {
      query.set('delimiter', delimiter.value);
    }
    if (dateFormat.value) {
      query.set('dateFormat', dateFormat.value);
    }
    if (mapping.value.trim()) {
      query.set('mapping', mapping.value.trim());
    }
    say(`Uploading ${file.name} …`);
    try {
      const dataset = await call('POST', `/datasets?${query}`, { body: file, contentType: contentType(file) });
      say(`${file.name}: ${number(dataset.rows, 0)} rows imported as ${dataset.id}`);
      show(report, reportCard(`${file.name} imported`, dataset.lastImport, 'ok'));
    } catch (error) {
      fail(error);
      if (error.problem?.report) {
        show(report, reportCard(`${file.name} rejected`, error.problem.report, 'rejected'));
      }
    }
    refresh();
  }

  function uploadCard() {
    return h('div.card', {},
      h('div.row.options', {}, field('Family', family), field('Delimiter', delimiter, 'default , (tab: tab)'),
        field('Date format', dateFormat), field('Columns', mapping, 'FIELD=COLUMN, comma separated'),
        field('Bad rows', policy)),
      dropZone({ id: 'dataset-drop-zone', pickerId: 'dataset-file', title: 'Drop a CSV or JSON file here',
        hint: 'It is imported with the family’s fields; the report lists any bad row with its line and column.',
        accept: '.csv,.tsv,.txt,.json,.jsonl,.ndjson' }, upload));
  }

  show(view, h('h1', {}, 'Data sets'), operator ? uploadCard() : null, report, catalogueCard(operator),
    h('table#datasets.grid', {}, h('thead', {}, h('tr', {},
      ['Data set', 'Family', 'Rows', 'Fields', 'Bad rows', 'Updated', ''].map(t => h('th', {}, t)))), rows));
  refresh();
  return { leave() {} };
}

export function jobsPage(view, session) {
  const operator = allows(session.role, 'operator');
  const rows = h('tbody');
  const dataset = h('select#job-dataset');
  const strategy = h('select#job-strategy');
  const parameters = h('input#job-parameters', { size: 30, placeholder: 'e.g. neighbours=20' });
  let datasets = [];
  let polling = null;

  async function loadChoices() {
    try {
      ({ datasets } = await get('/datasets'));
      show(dataset, datasets.map(d => h('option', { value: d.id, dataset: { family: d.family } },
        `${d.label || d.sources.join(', ')} (${d.family}, ${number(d.rows, 0)} rows)`)));
      await loadStrategies();
    } catch (error) {
      fail(error);
    }
  }

  async function loadStrategies() {
    const chosen = datasets.find(d => d.id === dataset.value);
    if (!chosen) {
      show(strategy);
      return;
    }
    const { strategies } = await get(`/strategies?family=${chosen.family}`);
    show(strategy, h('option', { value: '' }, 'the family’s default'),
      strategies.map(s => h('option', { value: s.name }, `${s.name} ${s.version}`)));
  }

  function progressBar(job) {
    const percent = Math.round(job.progress * 100);
    return h('div.progress', { title: job.message, dataset: { state: job.state } },
      h('div.progress-fill', { style: { width: `${percent}%` } }),
      h('span.progress-text', {}, `${percent}%`));
  }

  async function refresh() {
    try {
      const { jobs } = await get('/jobs');
      if (polling?.stopped()) {
        return;
      }
      show(rows, jobs.map(job => h('tr', { dataset: { id: job.id, state: job.state } },
        h('td.small', {}, job.id),
        h('td', {}, job.family),
        h('td', {}, job.strategyName ? `${job.strategyName} ${job.strategyVersion || ''}` : job.strategySpec || 'default'),
        h('td.small', {}, job.dataset),
        h('td', {}, h('span.state', { dataset: { state: job.state } }, job.state)),
        h('td', {}, progressBar(job), h('div.muted.small', {}, job.error || job.message)),
        h('td.small', {}, job.modelId || ''),
        h('td.actions', {}, operator && !FINAL.has(job.state) ? h('button.danger', { type: 'button',
          dataset: { action: 'cancel' }, onclick: () => cancel(job) }, 'Cancel') : null))));
    } catch (error) {
      fail(error);
    }
  }

  async function cancel(job) {
    try {
      await call('POST', `/jobs/${encodeURIComponent(job.id)}/cancel`);
      say(`${job.id} cancelled`);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  async function start(event) {
    event.preventDefault();
    const chosen = datasets.find(d => d.id === dataset.value);
    if (!chosen) {
      say('Upload a data set first (Data sets page)', 'error');
      return;
    }
    const given = {};
    for (const pair of parameters.value.split(',').map(p => p.trim()).filter(Boolean)) {
      const [name, value] = pair.split('=');
      given[name.trim()] = (value ?? '').trim();
    }
    try {
      const job = await post('/jobs', { family: chosen.family, dataset: chosen.id, strategy: strategy.value,
        parameters: given });
      say(`Training job ${job.id} started`);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  dataset.addEventListener('change', () => loadStrategies().catch(fail));
  show(view, h('h1', {}, 'Training jobs'),
    operator ? h('form#job-form.query.card', { onsubmit: start }, h('div.row', {},
      field('Data set', dataset), field('Strategy', strategy), field('Parameters', parameters, 'NAME=VALUE, …'),
      h('button#job-start', { type: 'submit' }, 'Start training'))) : null,
    h('table#jobs.grid', {}, h('thead', {}, h('tr', {},
      ['Job', 'Family', 'Strategy', 'Data set', 'State', 'Progress', 'Model', ''].map(t => h('th', {}, t)))), rows));
  if (operator) {
    loadChoices();
  }
  polling = every(POLL_MS, refresh);
  return { leave() { polling.stop(); } };
}

export function modelsPage(view, session) {
  const operator = allows(session.role, 'operator');
  const rows = h('tbody');

  async function refresh() {
    try {
      const { models } = await get('/models');
      show(rows, models.map(model => h('tr', { dataset: { id: model.id, family: model.family } },
        h('td.small', {}, model.id),
        h('td', {}, model.family),
        h('td', {}, `${model.strategyName} ${model.strategyVersion}`),
        h('td.small', {}, model.metadata.dataset || model.metadata.source || ''),
        h('td.num', {}, number(model.sizeBytes / 1024, 1), ' KiB'),
        h('td.small', {}, new Date(model.createdAt).toLocaleString()),
        h('td.actions', {}, operator ? h('button.danger', { type: 'button', dataset: { action: 'delete' },
          onclick: () => remove(model) }, 'Delete') : null))));
    } catch (error) {
      fail(error);
    }
  }

  async function remove(model) {
    if (!confirm(`Delete the ${model.family} model ${model.id} (${model.strategyName})?`)) {
      return;
    }
    try {
      await call('DELETE', `/models/${encodeURIComponent(model.id)}`);
      say(`${model.id} deleted`);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  show(view, h('h1', {}, 'Models'),
    h('table#models.grid', {}, h('thead', {}, h('tr', {},
      ['Model', 'Family', 'Strategy', 'Data set', 'Size', 'Created', ''].map(t => h('th', {}, t)))), rows));
  refresh();
  return { leave() {} };
}
