// Bundles: the list with live state (polled), upload by drag and drop or file picker, and per-bundle actions
// for admins. Uploading a jar whose symbolic name is already deployed updates it (the API decides).
import { allows, call, get } from './api.js';
import { dropZone, every, h, show } from './dom.js';
import { bundleIdentity } from './jar.js';
import { fail, say } from './messages.js';

const POLL_MS = 2000;

export function bundlesPage(view, session) {
  const admin = allows(session.role, 'admin');
  const busy = new Set();              // bundle ids with an action under way
  const rows = h('tbody');
  const summary = h('span.muted');
  let polling = null;

  async function refresh() {
    try {
      const { bundles } = await get('/bundles');
      if (!polling?.stopped()) {
        show(rows, bundles.map(row));
        const active = bundles.filter(b => b.state === 'ACTIVE').length;
        const time = new Date().toLocaleTimeString();
        summary.textContent = `${bundles.length} bundles, ${active} active · updated ${time}`;
      }
    } catch (error) {
      fail(error);
    }
  }

  function row(bundle) {
    return h('tr', { dataset: { symbolicName: bundle.symbolicName, state: bundle.state, version: bundle.version } },
      h('td.num', {}, bundle.id),
      h('td', {}, h('div', {}, bundle.name || bundle.symbolicName), h('div.muted.small', {}, bundle.symbolicName)),
      h('td', {}, bundle.version),
      h('td', {}, bundle.vendor),
      h('td', {}, h('span.state', { dataset: { state: bundle.state } }, bundle.state)),
      h('td', {}, bundle.origin),
      h('td', {}, bundle.signature),
      h('td.small', {}, bundle.strategies.map(s => h('div', {}, s))),
      admin ? h('td.actions', {}, actions(bundle)) : null);
  }

  function actions(bundle) {
    if (bundle.origin === 'framework') {
      return [];
    }
    const disabled = busy.has(bundle.id);
    const buttons = [];
    if (bundle.state === 'ACTIVE') {
      buttons.push(button('Stop', 'stop', bundle, () => call('POST', `/bundles/${bundle.id}/stop`), disabled));
    } else if (bundle.state === 'RESOLVED' || bundle.state === 'INSTALLED') {
      buttons.push(button('Start', 'start', bundle, () => call('POST', `/bundles/${bundle.id}/start`), disabled));
    }
    if (bundle.origin === 'deployed') {
      buttons.push(h('label.button', { title: `Replace with a new version of ${bundle.symbolicName}` }, 'Update…',
        h('input', { type: 'file', accept: '.jar', hidden: true, dataset: { action: 'update' },
          onchange: event => upload(event.target.files[0], bundle.symbolicName) })));
      buttons.push(button('Uninstall', 'uninstall', bundle, () => {
        if (!confirm(`Uninstall ${bundle.symbolicName} ${bundle.version}?`)) {
          return null;
        }
        return call('DELETE', `/bundles/${bundle.id}`);
      }, disabled, 'danger'));
    }
    return buttons;
  }

  function button(label, action, bundle, run, disabled, style = '') {
    return h(`button${style ? '.' + style : ''}`, { type: 'button', disabled, dataset: { action },
      onclick: async () => {
        busy.add(bundle.id);
        try {
          const done = run();
          if (done) {
            await done;
            say(`${bundle.symbolicName}: ${label.toLowerCase()} done`);
          }
        } catch (error) {
          fail(error);
        } finally {
          busy.delete(bundle.id);
          refresh();
        }
      } }, label);
  }

  /**
   * Sends a jar after reading which bundle it is; `expected` (the symbolic name of the row whose Update was used)
   * refuses another bundle's jar, which would otherwise be installed beside it.
   */
  async function upload(file, expected) {
    if (!file) {
      return;
    }
    try {
      const identity = await bundleIdentity(file);
      if (expected && identity.symbolicName !== expected) {
        say(`${file.name} is ${identity.symbolicName} ${identity.version}, not an update of ${expected}; `
          + 'nothing was uploaded', 'error');
        return;
      }
      say(`Uploading ${identity.symbolicName} ${identity.version} …`);
      const answer = await call('POST', '/bundles', { body: file, contentType: 'application/java-archive' });
      say(`${answer.symbolicName} ${answer.version}: ${answer.state}`);
    } catch (error) {
      fail(error);
    }
    refresh();
  }

  show(view,
    h('div.heading', {}, h('h1', {}, 'Bundles'), summary),
    admin ? dropZone({ id: 'drop-zone', pickerId: 'bundle-file', title: 'Drop a strategy bundle (.jar) here',
      hint: 'A new symbolic name is installed; a deployed one is updated to the uploaded version.', accept: '.jar' },
    file => upload(file)) : null,
    h('table#bundles.grid', {},
      h('thead', {}, h('tr', {}, ['Id', 'Bundle', 'Version', 'Vendor', 'State', 'Origin', 'Signature', 'Strategies']
        .map(title => h('th', {}, title)), admin ? h('th', {}, 'Actions') : null)),
      rows));
  polling = every(POLL_MS, refresh);
  return { leave() { polling.stop(); } };
}
