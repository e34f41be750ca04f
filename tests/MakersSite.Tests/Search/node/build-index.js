// stdin: {fields: [{name, boost}], documents: [{ref, <field>: text}], index: the C# builder's lunr JSON}.
// Builds the index with lunr.js and the nl plugin from the same documents and reports every difference
// between the two serialised indexes (objects compared by key, arrays in order, numbers with ===).
const lunr = require("./load-lunr-nl.js");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const index = lunr(function () {
  this.use(lunr.nl);
  this.ref("ref");
  input.fields.forEach(f => this.field(f.name, { boost: f.boost }));
  input.documents.forEach(d => this.add(d));
});
const theirs = JSON.parse(JSON.stringify(index));
const differences = [];
function compare(a, b, path) {
  if (differences.length >= 25) return;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      differences.push(`${path}: lunr.js ${JSON.stringify(a).slice(0, 200)} C# ${JSON.stringify(b).slice(0, 200)}`);
      return;
    }
    a.forEach((x, i) => compare(x, b[i], `${path}[${i}]`));
  } else if (a && typeof a === "object" && b && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    keys.forEach(k => {
      if (!(k in a) || !(k in b)) differences.push(`${path}.${k}: only in ${k in a ? "lunr.js" : "C#"}`);
      else compare(a[k], b[k], `${path}.${k}`);
    });
  } else if (a !== b) {
    differences.push(`${path}: lunr.js ${JSON.stringify(a)} C# ${JSON.stringify(b)}`);
  }
}
compare(theirs, input.index, "index");
process.stdout.write(JSON.stringify({
  differences,
  terms: theirs.invertedIndex.length,
  vectors: theirs.fieldVectors.length,
}));
