// Runs the form editor's file format (the built public/beheer/format.js, with its real YAML library) on page files:
// stdin {cases: [{collection, raw, set?: {dotted.path: value}}]}, stdout [{file}] with what saving would write.
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const beheer = process.argv[2];
const { formatFor } = await import(pathToFileURL(path.join(beheer, 'format.js')).href);
const config = JSON.parse(readFileSync(path.join(beheer, 'config.json'), 'utf8'));
const input = JSON.parse(readFileSync(0, 'utf8'));

const results = input.cases.map(({ collection, raw, set }) => {
  const format = formatFor(config.collections.find(c => c.name === collection));
  const data = raw === null ? {} : format.fromFile(raw);
  for (const [dotted, value] of Object.entries(set ?? {})) {
    const keys = dotted.split('.');
    let node = data;
    for (const key of keys.slice(0, -1)) node = node[key] ??= (/^\d+$/.test(key) ? [] : {});
    node[keys.at(-1)] = value;
  }
  return { file: format.toFile(data), kind: data._makersSiteKind ?? null };
});
process.stdout.write(JSON.stringify(results));
