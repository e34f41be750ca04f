// stdin: JSON array of code points. stdout: JSON array with String.prototype.toLowerCase of each, or null where
// this engine's Unicode version does not assign the code point (the engines may then legitimately differ).
const codePoints = JSON.parse(require("fs").readFileSync(0, "utf8"));
const assigned = /^\p{Assigned}$/u;
process.stdout.write(JSON.stringify(codePoints.map(cp => {
  const s = String.fromCodePoint(cp);
  return assigned.test(s) ? s.toLowerCase() : null;
})));
