// The message line above each page: what an action did, or what went wrong with it.
import { ApiError } from './api.js';

let fadeTimer = null;

/** Shows a message over the page: kind 'ok' fades after a few seconds, 'error' stays until the next message. */
export function say(text, kind = 'ok') {
  const box = document.getElementById('message');
  box.textContent = text;
  box.className = `message ${kind}`;
  box.hidden = false;
  clearTimeout(fadeTimer);
  if (kind === 'ok') {
    fadeTimer = setTimeout(() => { box.hidden = true; }, 4000);
  }
}

/** Shows what went wrong: an API problem with the field at fault, or any other error's message. */
export function fail(error) {
  if (error instanceof ApiError) {
    say(error.describe(), 'error');
  } else {
    say(error.message || String(error), 'error');
    console.error(error);
  }
}
