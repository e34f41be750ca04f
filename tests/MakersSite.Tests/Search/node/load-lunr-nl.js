// Loads lunr 2.3.9 with lunr-languages' nl support from the theme's node_modules (NODE_PATH points there).
const lunr = require("lunr");
require("lunr-languages/lunr.stemmer.support")(lunr);
require("lunr-languages/lunr.nl")(lunr);
module.exports = lunr;
