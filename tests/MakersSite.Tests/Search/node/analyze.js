// stdin: JSON array of texts. stdout: JSON array of term arrays, from lunr's nl index pipeline after NFC,
// the way the search runtime feeds text to lunr.
const lunr = require("./load-lunr-nl.js");
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
const builder = new lunr.Builder();
builder.use(lunr.nl);
const out = texts.map(t => builder.pipeline.run(lunr.tokenizer(t.normalize("NFC"))).map(String));
process.stdout.write(JSON.stringify(out));
