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
