// Does a script run on Chromium 86 (the engine of older 360, 奇安信, UOS and Kylin browsers)?
//
// Usage: node tests/reader/chromium86.mjs FILE.js ...   Prints a JSON list of findings; [] when all pass.
//
// 1. Syntax: the file must parse as ECMAScript 2020 (acorn, pinned in package.json). Chromium 86
//    parses all of ES2020; anything later (??=, class fields, top-level await …) is refused even
//    where 86 happens to know it, so that the check errs on the safe side.
// 2. APIs: parsing cannot see a call to a method that 86 lacks, so the newer APIs below may only
//    be used behind a check that names them (`if (navigator.share) …`, `x.at ? … : …`,
//    `typeof structuredClone === "function" && …`). Each is listed with the Chromium that
//    shipped it; the list covers what a small page script is likely to reach for.
import { readFileSync } from "node:fs";
import * as acorn from "acorn";
import * as walk from "acorn-walk";

// Methods and properties, by name, with the Chromium version that added them (all after 86).
const MEMBERS = {
  at: 92, findLast: 97, findLastIndex: 97, toSorted: 110, toReversed: 110, toSpliced: 110, with: 110,
  hasOwn: 93, groupBy: 117, withResolvers: 119, fromAsync: 121, isWellFormed: 111, toWellFormed: 111,
  randomUUID: 92, canParse: 120, checkVisibility: 105, showPopover: 114, hidePopover: 114,
  togglePopover: 114, startViewTransition: 111, userAgentData: 90, share: 89, inert: 102,
  union: 122, intersection: 122, difference: 122, symmetricDifference: 122, Segmenter: 87,
};
// Globals, with the Chromium that added them.
const GLOBALS = { structuredClone: 98, EyeDropper: 95, CloseWatcher: 120 };
// Event names that 86 never fires.
const EVENTS = { scrollend: 114, beforetoggle: 114 };

function findings(file) {
  const source = readFileSync(file, "utf8");
  let ast;
  try {
    ast = acorn.parse(source, { ecmaVersion: 2020, sourceType: "script", locations: true });
  } catch (scriptError) {
    try {
      ast = acorn.parse(source, { ecmaVersion: 2020, sourceType: "module", locations: true });
    } catch (error) {
      return [{ file, line: error.loc ? error.loc.line : 0, problem: `not ES2020: ${error.message}` }];
    }
  }
  const found = [];
  const guarded = (name, ancestors) => ancestors.some((node) => {
    const test = node.type === "IfStatement" || node.type === "ConditionalExpression" ? node.test
      : node.type === "LogicalExpression" ? node.left : null;
    return test !== null && source.slice(test.start, test.end).includes(name);
  });
  const report = (node, name, version, ancestors) => {
    if (guarded(name, ancestors)) return;
    found.push({ file, line: node.loc.start.line, problem: `${name} needs Chromium ${version}: check for it first` });
  };
  walk.ancestor(ast, {
    MemberExpression(node, _state, ancestors) {
      const name = node.computed ? node.property.value : node.property.name;
      if (typeof name === "string" && Object.hasOwn(MEMBERS, name)) report(node, name, MEMBERS[name], ancestors);
    },
    Identifier(node, _state, ancestors) {
      // (acorn-walk visits no property name of a.b, so this sees variables and globals only)
      if (Object.hasOwn(GLOBALS, node.name)) report(node, node.name, GLOBALS[node.name], ancestors);
    },
    Literal(node, _state, ancestors) {
      if (typeof node.value === "string" && Object.hasOwn(EVENTS, node.value)) {
        report(node, node.value, EVENTS[node.value], ancestors);
      }
    },
  });
  return found;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tests/reader/chromium86.mjs FILE.js ...");
  process.exit(2);
}
console.log(JSON.stringify(files.flatMap(findings)));
