// stdout: the stop words lunr.nl.stopWordFilter removes, as JSON.
const lunr = require("./load-lunr-nl.js");
const source = require("fs").readFileSync(require.resolve("lunr-languages/lunr.nl.js"), "utf8");
const list = source.match(/lunr\.nl\.stopWordFilter = lunr\.generateStopWordFilter\('([^']*)'/)[1].split(" ").filter(Boolean);
const kept = list.filter(w => lunr.nl.stopWordFilter(new lunr.Token(w)) === undefined);
process.stdout.write(JSON.stringify([...new Set(kept)]));
