// A small element builder, so that the pages build DOM nodes (never HTML strings with data in them).

/**
 * @param {string} tag e.g. 'td', 'button.danger' or 'table#bundles.grid'
 * @param {object} [attributes] properties or attributes; on* values are listeners, dataset/style objects merge
 * @param {...(Node|string|number|null|false|Array)} children
 */
export function h(tag, attributes = {}, ...children) {
  const [nameAndId, ...classes] = tag.split('.');
  const [name, id] = nameAndId.split('#');
  const element = document.createElement(name);
  if (id) {
    element.id = id;
  }
  if (classes.length) {
    element.className = classes.join(' ');
  }
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset' || key === 'style') {
      Object.assign(element[key], value);
    } else if (key === 'value' || (key in element && typeof value !== 'string')) {
      // value as a property: a textarea has no value attribute
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces the children of `element`. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** Formats a number for a table: up to `digits` decimals, no trailing noise. */
export function number(value, digits = 2) {
  return Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits }) : '';
}

/**
 * Calls `refresh` now and then every `ms` milliseconds after the previous call finished, until stopped.
 *
 * @return {{stop(): void, stopped(): boolean}}
 */
export function every(ms, refresh) {
  let timer = null;
  let stopped = false;
  const tick = async () => {
    await refresh();
    if (!stopped) {
      timer = setTimeout(tick, ms);
    }
  };
  tick();
  return { stop() { stopped = true; clearTimeout(timer); }, stopped: () => stopped };
}

/**
 * A zone to drop files on, with a file picker for those who would rather choose one.
 *
 * @param {{id: string, pickerId: string, title: string, hint: string, accept: string}} options
 * @param {function(File): void} onFile called for each file dropped or chosen
 */
export function dropZone(options, onFile) {
  const picker = h(`input#${options.pickerId}`, { type: 'file', accept: options.accept, hidden: true,
    onchange: event => { onFile(event.target.files[0]); event.target.value = ''; } });
  const zone = h(`div#${options.id}.drop-zone`, {},
    h('strong', {}, options.title), ' or ',
    h('label.button', { for: options.pickerId }, 'choose a file…'), picker,
    h('div.muted.small', {}, options.hint));
  zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('over');
    [...event.dataTransfer.files].forEach(file => onFile(file));
  });
  return zone;
}
