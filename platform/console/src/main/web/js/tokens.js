// API tokens (admins): list, create (the secret is shown this once) and revoke.
import { call, get, post } from './api.js';
import { h, show } from './dom.js';
import { fail, say } from './messages.js';

export function tokensPage(view, session) {
  const rows = h('tbody');
  const created = h('div');
  const name = h('input#token-name', { required: true, pattern: '[A-Za-z0-9._-]+', placeholder: 'e.g. erp' });
  const role = h('select#token-role', {}, ['viewer', 'operator', 'admin'].map(r => h('option', { value: r }, r)));

  async function refresh() {
    try {
      const { tokens } = await get('/tokens');
      show(rows, tokens.map(token => h('tr', { dataset: { token: token.name } },
        h('td', {}, token.name, token.id === session.id ? h('span.muted', {}, ' (this session)') : null),
        h('td', {}, token.role),
        h('td.small', {}, new Date(token.createdAt).toLocaleString()),
        h('td.small.muted', {}, token.id),
        h('td', {}, h('button.danger', { type: 'button', dataset: { action: 'revoke' },
          onclick: () => revoke(token) }, 'Revoke')))));
    } catch (error) {
      fail(error);
    }
  }

  async function revoke(token) {
    if (!confirm(`Revoke the token ${token.name}? Whoever uses it is refused from now on.`)) {
      return;
    }
    try {
      await call('DELETE', `/tokens/${encodeURIComponent(token.id)}`);
      say(`${token.name} revoked`);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  async function create(event) {
    event.preventDefault();
    try {
      const answer = await post('/tokens', { name: name.value.trim(), role: role.value });
      show(created, h('div.card.secret', {},
        h('strong', {}, `Token ${answer.name} (${answer.role}) created. `),
        'Copy it now: it is shown this once and stored only as a hash.',
        h('pre#new-token-secret', {}, answer.token)));
      name.value = '';
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  show(view, h('h1', {}, 'API tokens'),
    h('form.query.card', { onsubmit: create }, h('div.row', {},
      h('label.field', {}, h('span', {}, 'Name'), name), h('label.field', {}, h('span', {}, 'Role'), role),
      h('button#token-create', { type: 'submit' }, 'Create token'))),
    created,
    h('table#tokens.grid', {}, h('thead', {}, h('tr', {}, ['Name', 'Role', 'Created', 'Id', '']
      .map(title => h('th', {}, title)))), rows));
  refresh();
  return { leave() {} };
}
