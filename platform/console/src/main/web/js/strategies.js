// Strategies per family, with the default switch (operators and admins) and each strategy's parameters.
import { allows, get, put } from './api.js';
import { h, number, show } from './dom.js';
import { fail, say } from './messages.js';

export const FAMILIES = ['forecasting', 'filtering', 'optimization', 'segmentation', 'pricing'];

export function strategiesPage(view, session) {
  const operator = allows(session.role, 'operator');
  const families = h('div');

  async function refresh() {
    try {
      const { strategies } = await get('/strategies');
      show(families, FAMILIES.map(family => section(family, strategies.filter(s => s.family === family))));
    } catch (error) {
      fail(error);
    }
  }

  function section(family, strategies) {
    return h('section.card', { dataset: { family } },
      h('h2', {}, family),
      strategies.length === 0 ? h('p.muted', {}, 'No strategy of this family is registered.') :
        h('table.grid', {},
          h('thead', {}, h('tr', {}, ['Default', 'Strategy', 'Version', 'Vendor', 'Bundle', 'Calls', 'Failures',
            'Mean ms', 'Description'].map(title => h('th', {}, title)))),
          h('tbody', {}, strategies.map(strategy => row(family, strategy)))));
  }

  function row(family, strategy) {
    const health = strategy.health;
    const spec = `${strategy.name}@${strategy.version}`;
    return h('tr', { dataset: { strategy: strategy.name, default: strategy.default } },
      h('td', {}, h('input', { type: 'radio', name: `default-${family}`, checked: strategy.default,
        disabled: !operator, title: operator ? `Make ${strategy.name} the default of ${family}` : 'needs operator',
        onchange: () => makeDefault(family, strategy.name) })),
      h('td', {}, parameters(family, strategy.name)),
      h('td', {}, strategy.version),
      h('td', {}, strategy.vendor),
      h('td.small', {}, strategy.bundle, ' ', h('span.muted', {}, strategy.bundleVersion)),
      h('td.num', {}, health.calls),
      h('td.num', {}, health.failures, health.outOfRouting ? h('span.state', { dataset: { state: 'FAILED' },
        title: health.lastError }, ' out of routing') : null),
      h('td.num', {}, number(health.meanMillis, 1)),
      h('td.small', { title: spec }, strategy.description));
  }

  /** The strategy's name, opening onto its parameters (fetched when first opened). */
  function parameters(family, name) {
    const box = h('div.small.muted', {}, 'loading…');
    let loaded = false;
    return h('details', { ontoggle: async () => {
      if (loaded) {
        return;
      }
      loaded = true;
      try {
        const described = await get(`/strategies/${family}/${encodeURIComponent(name)}`);
        show(box, described.parameters.length === 0 ? 'No parameters.' : h('table.grid.compact', {},
          h('tr', {}, ['Parameter', 'Type', 'Default', 'Range', 'Description'].map(t => h('th', {}, t))),
          described.parameters.map(p => h('tr', {}, h('td', {}, p.name), h('td', {}, p.type),
            h('td', {}, String(p.default)),
            h('td', {}, p.choices ? p.choices.join(' | ') : range(p)), h('td', {}, p.description)))));
      } catch (error) {
        box.textContent = error.message;
      }
    } }, h('summary', {}, name), box);
  }

  async function makeDefault(family, name) {
    try {
      const answer = await put(`/strategies/${family}/default`, { strategy: name });
      say(`${family}: the default is now ${answer.default}`);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  show(view, h('div.heading', {}, h('h1', {}, 'Strategies'),
    h('span.muted', {}, operator ? 'Choose a family\'s default with the radio buttons.' : 'Read only (viewer).')),
  families);
  refresh();
  return { leave() {} };
}

function range(parameter) {
  const low = parameter.min ?? '';
  const high = parameter.max ?? '';
  return low === '' && high === '' ? '' : `${low} … ${high}`;
}
