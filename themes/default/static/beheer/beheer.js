// Starts the form editor (Decap CMS) with the configuration the build made from the content model (config.json), and
// the file format of format.js for every collection. Without a repository in site.yml the configuration names the
// CMS's in-memory test backend: a trial in which nothing is saved. It starts empty, or with the files a page put in
// window.makersSiteTrial ({ "content/bedrijven/x/index.md": "---…" }), as the browser tests do with the site's pages.
import { formatFor, KIND } from './format.js';

const config = await (await fetch('config.json')).json();

if (config.backend.name === 'test-repo') {
  window.repoFiles = trialTree(window.makersSiteTrial ?? {}, config.collections.map(c => c.folder));
  document.getElementById('proef').hidden = false;
}

for (const collection of config.collections) {
  const name = `${collection.format}-${collection.name}`;
  window.CMS.registerCustomFormat(name, 'md', formatFor(collection));
  collection.format = name;
  // A section's own _index.md shares the folder but is no page of this kind.
  collection.filter = { field: KIND, value: 'pagina' };
}

window.CMS.init({ config });

/**
 * The test backend's tree of files. It lists a collection by its whole folder path, so each folder is a key of its
 * own; and it takes every file below a page's folder for a picture, so below "content" the sections are left out of
 * what it enumerates (they stay reachable by name, which is how it opens a page).
 */
function trialTree(files, folders) {
  const tree = {};
  for (const [path, content] of Object.entries(files)) {
    const parts = path.split('/');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = node[part] ??= {};
    node[parts.at(-1)] = { path, content };
  }
  for (const folder of folders) {
    const [top, ...rest] = folder.split('/');
    // Every folder exists, so that a new page can be saved in an empty trial too.
    let parent = tree;
    for (const part of folder.split('/')) parent = parent[part] ??= {};
    let node = tree[top];
    for (const part of rest) node = node?.[part];
    if (!node) continue;
    tree[folder] = node;
    Object.defineProperty(tree[top], rest[0], { value: tree[top][rest[0]], enumerable: false, writable: true, configurable: true });
  }
  return tree;
}
