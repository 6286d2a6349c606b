#!/usr/bin/env node
// Checks refgraph's Cypher files with Neo4j's own parser and semantic
// analysis (npm @neo4j-cypher/language-support, the library behind Neo4j's
// editors): syntax, undefined variables, type and aggregation errors, and
// deprecations.  Parameters ($id) are supplied at run time, so "parameter is
// not defined" is not reported.  FalkorDB-only files are exempt:
// cypher/schema/falkordb.cypher and any <name>.falkordb.cypher.
//
//   node tools/neo4j-cypher-check/check.mjs [--strict] [PATH ...]
//
// PATH is a .cypher file or a folder (default: the repository's cypher/).
// Prints "file:line:col: severity: message" per finding and a summary; exits
// 1 on an error (or, with --strict, a warning), 2 when there is nothing to check.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const roots = args.filter((a) => a !== '--strict');
if (roots.length === 0) roots.push(resolve(here, '..', '..', 'cypher'));

function exempt(path) {
  return /\.falkordb\.cypher$/.test(path) || /schema[\\/]falkordb\.cypher$/.test(path);
}

function collect(path, out) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    console.error(`cypher-check: ${path} does not exist`);
    process.exit(2);
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (path.endsWith('.cypher') && !exempt(path)) {
    out.push(path);
  }
  return out;
}

// A file holds one statement, or (schema files) several separated by ';'.
// Comment lines are blanked (kept as empty lines) so line numbers stay true.
function statements(text) {
  const lines = text.split('\n').map((l) => (l.trim().startsWith('//') ? '' : l));
  const result = [];
  let start = 0;
  let current = [];
  lines.forEach((line, index) => {
    let rest = line;
    while (rest.includes(';')) {
      const cut = rest.indexOf(';');
      current.push(rest.slice(0, cut));
      result.push({ line: start, text: current.join('\n') });
      current = [];
      start = index;
      rest = ' '.repeat(cut + 1) + rest.slice(cut + 1);
    }
    current.push(rest);
  });
  result.push({ line: start, text: current.join('\n') });
  return result.filter((s) => s.text.trim() !== '');
}

const files = roots.flatMap((root) => collect(resolve(root), []));
if (files.length === 0) {
  console.error('cypher-check: no .cypher files to check in ' + roots.join(', '));
  process.exit(2);
}

let errors = 0;
let warnings = 0;
for (const file of files) {
  const name = relative(process.cwd(), file);
  for (const statement of statements(readFileSync(file, 'utf8'))) {
    const padded = '\n'.repeat(statement.line) + statement.text;
    const { diagnostics } = lintCypherQuery(padded, {});
    for (const d of diagnostics.filter(isNotParamError)) {
      const severity = d.severity === 1 ? 'error' : 'warning';
      if (severity === 'error') errors += 1;
      else warnings += 1;
      const { line, character } = d.range.start;
      console.log(`${name}:${line + 1}:${character + 1}: ${severity}: ${d.message}`);
    }
  }
}
console.log(`cypher-check: ${files.length} files checked with Neo4j's Cypher parser, ` +
            `${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 || (strict && warnings > 0) ? 1 : 0);
