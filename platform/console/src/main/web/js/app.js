// The console's shell: login with an API token, the role shown, hash routing between the pages.
import { ApiError, allows, call, forgetToken, keepToken, onUnauthorized, token } from './api.js';
import { bundlesPage } from './bundles.js';
import { strategiesPage } from './strategies.js';
import { playgroundPage } from './playground.js';
import { tokensPage } from './tokens.js';
import { datasetsPage, jobsPage, modelsPage } from './data.js';
import { evaluationsPage } from './evaluations.js';

const PAGES = {
  bundles: bundlesPage, strategies: strategiesPage, datasets: datasetsPage, jobs: jobsPage, models: modelsPage,
  evaluations: evaluationsPage, playground: playgroundPage, tokens: tokensPage,
};
/** Pages only some roles see (the API would refuse the others anyway). */
const PAGE_ROLES = { tokens: 'admin' };
const $ = id => document.getElementById(id);

let session = null;      // {id, name, role} of the token in use
let current = null;      // the page shown: {leave()}

async function logIn(secret) {
  const me = await call('GET', '/me', { secret });
  keepToken(secret);
  session = me;
  $('who').textContent = me.name;
  $('role').textContent = me.role;
  $('role').dataset.role = me.role;
  $('login').hidden = true;
  $('nav').hidden = false;
  $('session').hidden = false;
  document.querySelectorAll('#nav a').forEach(a => { a.hidden = !allowed(a.dataset.page); });
  route();
}

function logOut(reason) {
  forgetToken();
  session = null;
  current?.leave();
  current = null;
  $('view').replaceChildren();
  $('message').hidden = true;
  $('nav').hidden = true;
  $('session').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = reason || '';
  $('token').value = '';
  $('token').focus();
}

function allowed(page) {
  return allows(session.role, PAGE_ROLES[page] || 'viewer');
}

function route() {
  if (!session) {
    return;
  }
  const name = location.hash.replace(/^#\//, '').split('/')[0];
  if (!PAGES[name] || !allowed(name)) {
    location.hash = '#/bundles';
    return;
  }
  current?.leave();
  $('message').hidden = true;
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  const view = $('view');
  view.replaceChildren();
  view.dataset.page = name;
  current = PAGES[name](view, session);
}

$('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const secret = $('token').value.trim();
  $('login-error').textContent = '';
  try {
    await logIn(secret);
  } catch (error) {
    $('login-error').textContent = error instanceof ApiError && error.status === 401
      ? 'This token is unknown or was revoked.' : error.message;
  }
});
$('logout').addEventListener('click', () => logOut());
window.addEventListener('hashchange', route);
onUnauthorized(() => logOut('The token is no longer accepted; log in again.'));

const kept = token();
if (kept) {
  logIn(kept).catch(() => logOut());
} else {
  logOut();
}
