// The file format of the form editor: a page's index.md, YAML front matter and Markdown body. Saving changes only
// what the member changed: the other lines keep their comments, quotes and order, the body stays as it was, empty
// fields are left out (never written as ''), and new fields go where the content model puts them.
import { parseDocument, Document, YAMLMap, YAMLSeq, Scalar, Pair, isMap, isSeq } from './lib/yaml/index.js';

/** The file as it was read, kept in the entry so that saving can compare with it. */
export const ORIGINAL = '_makersSiteFile';
/** 'intro' for a section's _index.md, which is no page of the collection's kind; 'pagina' otherwise. */
export const KIND = '_makersSiteKind';

const TEXT_WIDGETS = new Set(['string', 'text']);

/** The front matter (with its last newline) and the body of a page file. */
export function split(raw) {
  const text = raw.replace(/^\uFEFF/, '');
  const open = /^---\r?\n/.exec(text);
  if (!open) return { front: '', body: text };
  const close = /^---[ \t]*(\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const match = close.exec(rest);
  if (!match) return { front: rest, body: '' };
  return { front: rest.slice(0, match.index), body: rest.slice(match.index + match[0].length) };
}

/** The CMS's custom format for one collection (its fields from the generated configuration). */
export function formatFor(collection) {
  const fields = collection.fields.filter(f => f.name !== 'body');
  const specific = fields.filter(f => f.required && f.name !== 'title' && f.name !== 'summary').map(f => f.name);
  return {
    fromFile(raw) {
      const { front, body } = split(raw);
      const data = parseDocument(front).toJS() ?? {};
      const values = toForm(data, fields);
      values.body = body;
      values[ORIGINAL] = raw;
      values[KIND] = specific.length > 0 && specific.every(name => !(name in data)) ? 'intro' : 'pagina';
      return values;
    },
    toFile(data) {
      return write(data, fields);
    },
  };
}

/** The file for the entry's data: the original file with only the changes, or a new file in the model's order. */
export function write(data, fields) {
  const raw = typeof data[ORIGINAL] === 'string' ? data[ORIGINAL] : null;
  const values = { ...data };
  delete values[ORIGINAL];
  delete values[KIND];
  const body = typeof values.body === 'string' ? values.body : '';
  delete values.body;
  const next = fromForm(values, fields);
  let doc;
  let previous = {};
  let oldBody = null;
  if (raw !== null) {
    const parts = split(raw);
    doc = parseDocument(parts.front);
    previous = doc.toJS() ?? {};
    oldBody = parts.body;
    if (!isMap(doc.contents)) doc.contents = new YAMLMap();
  } else {
    doc = new Document(new YAMLMap());
  }
  patchMap(doc.contents, previous, next, fields);
  const front = doc.contents.items.length === 0 ? '' : doc.toString({ lineWidth: 0 });
  // The body as it was when the member did not change it (the editor may drop a last newline).
  const text = oldBody !== null && oldBody.trimEnd() === body.trimEnd() ? oldBody : withNewline(body);
  return `---\n${front}---\n${text}`;
}

function withNewline(text) {
  return text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
}

/** Lists of "a page or a name" (a project's initiators) as the form's items: { ref } or { name }. */
function toForm(data, fields) {
  const out = { ...data };
  for (const field of fields) {
    if (!(field.name in out)) continue;
    const value = out[field.name];
    if (field.widget === 'list' && field.field?.makers_either && Array.isArray(value)) {
      out[field.name] = value.map(item => (typeof item === 'string' ? { ref: item } : item));
    }
  }
  return out;
}

/** The form's values in the model's shape. */
function fromForm(values, fields) {
  const out = { ...values };
  for (const field of fields) {
    const value = out[field.name];
    if (field.widget === 'list' && field.field?.makers_either && Array.isArray(value)) {
      out[field.name] = value.map(item => (item && typeof item === 'object' && item.ref ? item.ref : item && typeof item === 'object' && item.name ? { name: item.name } : item));
    }
  }
  return out;
}

/** A changed value without its empty parts; undefined when nothing is left. */
export function clean(value) {
  if (value === null || value === undefined || value === false) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map(clean).filter(v => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, clean(v)]).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

function equal(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter(k => a[k] !== undefined);
    const kb = Object.keys(b).filter(k => b[k] !== undefined);
    return ka.length === kb.length && ka.every(k => equal(a[k], b[k]));
  }
  return false;
}

/** A key's place in the fields' order; keys the model does not know come last. */
function orderOf(fields) {
  return name => {
    const index = fields.findIndex(f => f.name === name);
    return index < 0 ? fields.length : index;
  };
}

const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Changes a YAML map in place from previous to next values; keys follow the fields' order. */
function patchMap(map, previous, next, fields) {
  const order = orderOf(fields);
  for (const key of Object.keys(previous)) {
    if (!(key in next)) map.delete(key);
  }
  const keys = Object.keys(next).sort((a, b) => order(a) - order(b));
  for (const key of keys) {
    if (equal(previous[key], next[key])) continue;
    const field = fields.find(f => f.name === key);
    const value = clean(next[key]);
    if (value === undefined) {
      map.delete(key);
      continue;
    }
    const node = map.get(key, true);
    if (field?.widget === 'object' && isObject(value) && isObject(previous[key]) && isMap(node)) {
      patchMap(node, previous[key], value, field.fields);
      if (node.items.length === 0) map.delete(key);
      continue;
    }
    if (field?.widget === 'list' && field.fields && Array.isArray(value) && Array.isArray(previous[key]) && isSeq(node)
      && value.length === previous[key].length && node.items.every(isMap)) {
      value.forEach((item, i) => patchMap(node.items[i], previous[key][i] ?? {}, item, field.fields));
      continue;
    }
    const created = toNode(value, field);
    if (map.has(key)) {
      map.set(key, created);
      continue;
    }
    const pair = new Pair(new Scalar(key), created);
    const at = map.items.findIndex(p => order(String(p.key?.value ?? p.key)) > order(key));
    if (at < 0) map.items.push(pair);
    else map.items.splice(at, 0, pair);
  }
}

/** A new YAML node for a value: free text in double quotes, as the site's files write it; names and dates plain. */
function toNode(value, field) {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    const item = field?.field ?? (field?.fields ? { widget: 'object', fields: field.fields } : { widget: field?.widget === 'select' ? 'select' : 'string' });
    for (const v of value) seq.items.push(toNode(v, item));
    return seq;
  }
  if (isObject(value)) {
    const map = new YAMLMap();
    const subfields = field?.fields ?? [];
    const order = orderOf(subfields);
    for (const key of Object.keys(value).sort((a, b) => order(a) - order(b))) {
      map.items.push(new Pair(new Scalar(key), toNode(value[key], subfields.find(f => f.name === key))));
    }
    return map;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string' && TEXT_WIDGETS.has(field?.widget ?? 'string')) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}
