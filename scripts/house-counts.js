#!/usr/bin/env node
/**
 * Prints the house's structural counts for src/ and adapters/, so a redesign can be measured
 * before and after with one command (`npm run house`):
 *
 * - functions over 80 lines (declarations, methods, arrows and function expressions; lines
 *   counted from the first to the last line of the node, comments included);
 * - loose files at the root of src/ (src/ should hold rooms, i.e. folders, only);
 * - error classes outside the tree: classes that extend `Error` directly, other than the one
 *   base named by `ERROR_BASE` below;
 * - comments that cite `reference/` (a folder a clone of the repository does not have) or an
 *   issue number;
 * - source modules with a unit test of the same name (`foo.ts` → `test/**\/foo.test.ts`), as a
 *   share of all source modules.
 *
 * `--json` prints the same figures as one JSON object; `--list` also names every offender.
 */
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { basename, join, relative } = require('node:path');
const ts = require('typescript');

const ROOT = join(__dirname, '..');
const SOURCE_DIRS = ['src', 'adapters'];
const MAX_FUNCTION_LINES = 80;
/** The one class allowed to extend Error directly once the coded error tree exists. */
const ERROR_BASE = 'BotError';
/**
 * A citation of the background notes (`reference/…`, `../shared/reference/…`, `DESIGN.md`, a bare
 * `tiktok-api.md`, `reference §4`) or of an issue number. The repository's own
 * `docs/tiktok-api.md` and friends are fine, and so is a URL path such as
 * `docs.slack.dev/reference/methods/…`.
 */
const CITES_OUTSIDE =
  /(?<![\w./-])reference\/|shared\/reference\/|\bDESIGN\.md\b|\breference §|(?<!docs\/)\b(tiktok-api|chat-platforms|llm|reliability|aesthetics)\.md\b|\bissues? #?\d+\b/i;

function walk(dir, keep) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

function isFunctionLike(node) {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function functionName(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

function scanFile(path, found) {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const file = relative(ROOT, path);
  const visit = (node) => {
    if (isFunctionLike(node) && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES) {
        found.longFunctions.push(`${file}:${start + 1} ${functionName(node, source)} (${lines})`);
      }
    }
    if (ts.isClassDeclaration(node) && node.heritageClauses) {
      const extendsError = node.heritageClauses.some((clause) =>
        clause.types.some((type) => type.expression.getText(source) === 'Error'),
      );
      const name = node.name ? node.name.text : '(anonymous)';
      if (extendsError && name !== ERROR_BASE) found.errorClasses.push(`${file} ${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const { pos, text: comment } of commentsOf(source)) {
    if (CITES_OUTSIDE.test(comment)) {
      const line = source.getLineAndCharacterOfPosition(pos).line + 1;
      found.outsideCitations.push(`${file}:${line}`);
    }
  }
}

/**
 * Every comment of a file, once each: the comments before and after each token of the parsed
 * tree. (A bare scanner misreads a regex literal as division and loses comments after it.)
 */
function commentsOf(source) {
  const text = source.getFullText();
  const seen = new Map();
  const add = (ranges) => {
    for (const range of ranges ?? []) {
      if (!seen.has(range.pos)) seen.set(range.pos, text.slice(range.pos, range.end));
    }
  };
  const visit = (node) => {
    // A JSDoc node lies inside a comment already taken whole; its text is not code.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) {
      return;
    }
    const children = node.getChildren(source);
    if (children.length === 0) {
      add(ts.getLeadingCommentRanges(text, node.pos));
      add(ts.getTrailingCommentRanges(text, node.end));
    }
    for (const child of children) visit(child);
  };
  visit(source);
  add(ts.getLeadingCommentRanges(text, 0));
  return [...seen].sort((a, b) => a[0] - b[0]).map(([pos, comment]) => ({ pos, text: comment }));
}

function countHouse() {
  const found = { longFunctions: [], errorClasses: [], outsideCitations: [] };
  const sources = SOURCE_DIRS.flatMap((dir) =>
    walk(join(ROOT, dir), (name) => name.endsWith('.ts') && !name.endsWith('.d.ts')),
  );
  for (const path of sources) scanFile(path, found);
  const looseFiles = readdirSync(join(ROOT, 'src'))
    .filter((name) => statSync(join(ROOT, 'src', name)).isFile())
    .map((name) => `src/${name}`);
  const testNames = new Set(
    walk(join(ROOT, 'test'), (name) => name.endsWith('.test.ts')).map((p) => basename(p)),
  );
  const untested = sources
    .filter((path) => !testNames.has(basename(path).replace(/\.ts$/, '.test.ts')))
    .map((path) => relative(ROOT, path));
  return {
    functionsOver80Lines: found.longFunctions,
    looseFilesAtSrcRoot: looseFiles,
    errorClassesOutsideTree: found.errorClasses,
    commentsCitingOutside: found.outsideCitations,
    sourceModules: sources.length,
    modulesWithSameNamedTest: sources.length - untested.length,
    untested,
  };
}

function main() {
  const counts = countHouse();
  const share = counts.modulesWithSameNamedTest / counts.sourceModules;
  if (process.argv.includes('--json')) {
    const { untested: _untested, ...rest } = counts;
    const lengths = Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.length : value,
      ]),
    );
    console.log(JSON.stringify({ ...lengths, sameNamedTestShare: Number(share.toFixed(3)) }));
    return;
  }
  const list = process.argv.includes('--list');
  const line = (label, items) => {
    console.log(`${label}: ${items.length}`);
    if (list) for (const item of items) console.log(`  ${item}`);
  };
  line(`functions over ${MAX_FUNCTION_LINES} lines`, counts.functionsOver80Lines);
  line('loose files at the src/ root', counts.looseFilesAtSrcRoot);
  line(
    `error classes outside the tree (extending Error, not ${ERROR_BASE})`,
    counts.errorClassesOutsideTree,
  );
  line('comments citing reference/ or an issue', counts.commentsCitingOutside);
  console.log(
    `source modules with a same-named test: ${counts.modulesWithSameNamedTest} of ${counts.sourceModules} (${(share * 100).toFixed(0)}%)`,
  );
  if (list) for (const item of counts.untested) console.log(`  untested: ${item}`);
}

main();
