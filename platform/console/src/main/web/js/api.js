// Calls to /api/v1 with the session's token; problem+json answers become ApiError with their fields.

const TOKEN_KEY = 'mercator.token';

export const ROLES = ['viewer', 'operator', 'admin'];

/** @return whether a caller with `role` may do what needs `needed` */
export function allows(role, needed) {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function keepToken(secret) {
  sessionStorage.setItem(TOKEN_KEY, secret);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The message with the field, row or line at fault when the problem names one. */
  describe() {
    const where = ['field', 'row', 'line', 'column']
      .filter(key => this.problem[key] !== undefined)
      .map(key => `${key} ${this.problem[key]}`);
    return where.length ? `${this.message} (${where.join(', ')})` : this.message;
  }
}

/** Listeners told when the token stops working (401), so that the page can ask for a new one. */
const unauthorizedListeners = [];
export function onUnauthorized(listener) {
  unauthorizedListeners.push(listener);
}

/**
 * @param {string} method
 * @param {string} path under /api/v1, e.g. '/bundles'
 * @param {{json?: object, body?: Blob|ArrayBuffer, contentType?: string, secret?: string}} options
 * @return the parsed JSON answer, or null for 204
 */
export async function call(method, path, options = {}) {
  const headers = { Accept: 'application/json' };
  const secret = options.secret ?? token();
  if (secret) {
    headers.Authorization = `Bearer ${secret}`;
  }
  let body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType || 'application/octet-stream';
    body = options.body;
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body, cache: 'no-store' });
  } catch (unreachable) {
    throw new ApiError(0, { title: 'Unreachable', detail: `Mercator does not answer (${unreachable.message})` });
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (notJson) {
    parsed = { detail: text.slice(0, 300) };
  }
  if (!response.ok) {
    const error = new ApiError(response.status, parsed || {});
    if (response.status === 401 && options.secret === undefined) {
      unauthorizedListeners.forEach(listener => listener(error));
    }
    throw error;
  }
  return parsed;
}

export const get = path => call('GET', path);
export const post = (path, json) => call('POST', path, { json });
export const put = (path, json) => call('PUT', path, { json });
