// Evaluation leaderboard: run an evaluation of a family's strategies on a data file and show the strategies
// ranked by the family's main metric (the API ranks them and says which metric and which direction).
import { allows, call, get, post } from './api.js';
import { FAMILIES } from './strategies.js';
import { every, h, number, show } from './dom.js';
import { fail, say } from './messages.js';

const POLL_MS = 1000;
/** Where `mercator generate` and `start --demo` put each family's data, inside the data folder. */
const DEMO_DATA = {
  forecasting: 'demo/forecasting/demand.csv', filtering: 'demo/filtering/ratings.csv',
  optimization: 'demo/optimization/demand.csv', segmentation: 'demo/segmentation/transactions.csv',
  pricing: 'demo/pricing/prices.csv',
};

export function evaluationsPage(view, session) {
  const operator = allows(session.role, 'operator');
  const family = h('select#evaluation-family', {}, FAMILIES.map(f => h('option', { value: f }, f)));
  const data = h('input#evaluation-data', { size: 36, value: DEMO_DATA.forecasting });
  const strategies = h('input#evaluation-strategies', { size: 30, placeholder: 'all of the family’s' });
  const runs = h('tbody');
  const board = h('div#leaderboard');
  let shown = null;       // the evaluation whose leaderboard is shown
  let polling = null;

  family.addEventListener('change', () => { data.value = DEMO_DATA[family.value]; });

  function leaderboard(evaluation) {
    const table = evaluation.leaderboard;
    if (!table) {
      return h('p.muted', {}, evaluation.state === 'RUNNING' ? 'Running…' : evaluation.error || evaluation.state);
    }
    const direction = table.higherIsBetter ? 'higher is better' : 'lower is better';
    return h('div.card', {},
      h('h3', {}, `${evaluation.family} on ${evaluation.data}`),
      h('p.muted', {}, `Ranked by ${table.metric} (${direction}). ${evaluation.report.title}`),
      h('table#leaderboard-table.grid', {},
        h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Strategy'),
          table.columns.map(column => h(column === table.metric ? 'th.main' : 'th', {}, column)))),
        h('tbody', {}, table.rows.map(row => h('tr', { dataset: { strategy: row.strategy } },
          h('td.num', {}, row.rank), h('td', {}, row.strategy),
          row.values.map((value, i) => h(table.columns[i] === table.metric ? 'td.num.main' : 'td.num', {},
            value === null ? '–' : number(value, 3))))))),
      evaluation.report.notes.length ? h('ul.small.muted', {}, evaluation.report.notes.map(n => h('li', {}, n))) : null);
  }

  async function refresh() {
    try {
      const { evaluations } = await get('/evaluations');
      if (polling?.stopped()) {
        return;
      }
      show(runs, evaluations.map(evaluation => h('tr', { dataset: { id: evaluation.id, state: evaluation.state } },
        h('td', {}, evaluation.family), h('td.small', {}, evaluation.data),
        h('td', {}, h('span.state', { dataset: { state: evaluation.state } }, evaluation.state)),
        h('td', {}, `${Math.round(evaluation.progress * 100)}%`, h('div.muted.small', {}, evaluation.message)),
        h('td.small', {}, new Date(evaluation.submittedAt).toLocaleString()),
        h('td.actions', {},
          h('button.quiet', { type: 'button', dataset: { action: 'show' }, onclick: () => display(evaluation) },
            'Leaderboard'),
          operator && evaluation.state === 'RUNNING' ? h('button.danger', { type: 'button',
            onclick: () => call('POST', `/evaluations/${evaluation.id}/cancel`).then(refresh, fail) }, 'Cancel')
            : null))));
      const current = evaluations.find(e => e.id === shown);
      if (current) {
        show(board, leaderboard(current));
      }
    } catch (error) {
      fail(error);
    }
  }

  function display(evaluation) {
    shown = evaluation.id;
    show(board, leaderboard(evaluation));
  }

  async function run(event) {
    event.preventDefault();
    const names = strategies.value.split(',').map(s => s.trim()).filter(Boolean);
    try {
      const evaluation = await post('/evaluations', { family: family.value, data: data.value.trim(),
        strategies: names });
      say(`Evaluation of ${evaluation.family} started`);
      display(evaluation);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  show(view, h('h1', {}, 'Evaluation leaderboard'),
    operator ? h('form#evaluation-form.query.card', { onsubmit: run }, h('div.row', {},
      h('label.field', {}, h('span', {}, 'Family'), family),
      h('label.field', {}, h('span', {}, 'Data file'), data, h('span.muted.small', {}, 'inside the data folder')),
      h('label.field', {}, h('span', {}, 'Strategies'), strategies, h('span.muted.small', {}, 'comma separated')),
      h('button#evaluation-run', { type: 'submit' }, 'Run evaluation'))) : null,
    board,
    h('table#evaluations.grid', {}, h('thead', {}, h('tr', {},
      ['Family', 'Data', 'State', 'Progress', 'Submitted', ''].map(t => h('th', {}, t)))), runs));
  polling = every(POLL_MS, refresh);
  return { leave() { polling.stop(); } };
}
