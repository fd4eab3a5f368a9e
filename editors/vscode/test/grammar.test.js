// Tokenizes every example model with the TextMate engine VS Code uses (vscode-textmate +
// vscode-oniguruma) and checks the scope of every keyword, name, number, string and comment
// against an independent classification of the same text. Exit status 0 when all match.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'akorn.tmLanguage.json');
const MODELS = path.join(__dirname, '..', '..', '..', 'examples', 'models');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.akorn' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  return registry.loadGrammar('source.akorn');
}

function exampleFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? exampleFiles(p) : e.name.endsWith('.akorn') ? [p] : [];
  }).sort();
}

// The reference: the language's lexical classes (as in grammar/Akorn.g4) and, for words, the
// role their neighbours give them.
const LEXEME = /\/\*\*(?!\/)[\s\S]*?\*\/|\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|[0-9]+(?:\.[0-9]+(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)|[0-9]+|[A-Za-z_][A-Za-z_0-9]*|->|\.\.|<=|>=|==|!=|\s+|[^]/g;
const STAGES = new Set(['stem', 'init', 'layer', 'readout', 'features', 'transition', 'next_x', 'head']);
const STORAGE = new Set(['model', 'block', 'param', 'input', 'output', 'let']);
const CONTROL = new Set(['repeat', 'if', 'in', 'as', 'use']);
const OTHER = new Set(['package', 'import']);
const CONSTANTS = new Set(['on', 'off', 'true', 'false']);

function expectedScopes(text) {
  const lexemes = [];
  for (const m of text.matchAll(LEXEME)) {
    lexemes.push({ text: m[0], start: m.index });
  }
  const significant = lexemes.filter((l) => !/^\s/.test(l.text) && !l.text.startsWith('//') && !l.text.startsWith('/*'));
  const out = [];
  const lineStart = (i) => i === 0 || [';', '{', '}'].includes(significant[i - 1].text);
  significant.forEach((l, i) => {
    const prev = significant[i - 1]?.text;
    const prev2 = significant[i - 2]?.text;
    const next = significant[i + 1]?.text;
    const next2 = significant[i + 2]?.text;
    let scope = null;
    let kind = null;
    if (l.text.startsWith('"')) {
      [scope, kind] = ['string.quoted.double.akorn', 'string'];
    } else if (/^[0-9]/.test(l.text)) {
      [scope, kind] = [/[.eE]/.test(l.text) ? 'constant.numeric.float.akorn' : 'constant.numeric.integer.akorn', 'number'];
    } else if (/^[A-Za-z_]/.test(l.text)) {
      kind = 'name';
      const word = /^[A-Za-z_][A-Za-z_0-9]*$/;
      if (STORAGE.has(l.text) && word.test(next ?? '')) {
        [scope, kind] = [`storage.type.${l.text}.akorn`, 'keyword'];
      } else if ((CONTROL.has(l.text) || OTHER.has(l.text)) && prev !== '.') {
        [scope, kind] = [`keyword.${CONTROL.has(l.text) ? 'control' : 'other'}.${l.text}.akorn`, 'keyword'];
      } else if (STAGES.has(l.text) && lineStart(i) && (next === '=' || next === '{' || (word.test(next) && (next2 === '=' || next2 === '{')))) {
        [scope, kind] = ['keyword.other.stage.akorn', 'keyword'];
      } else if (['model', 'block', 'use'].includes(prev)) {
        scope = 'entity.name.type.akorn';
      } else if (prev === 'param') {
        scope = 'variable.other.constant.declaration.akorn';
      } else if (['input', 'output', 'let', 'as'].includes(prev) || (STAGES.has(prev) && lineStart(i - 1))) {
        scope = 'variable.other.declaration.akorn';
      } else if (prev === ':' && ['param', 'input'].includes(significant[i - 3]?.text)) {
        scope = 'support.type.akorn';
      } else if (prev === '.' || next === '.') {
        scope = 'variable.other.akorn'; // package name parts
      } else if (CONSTANTS.has(l.text)) {
        scope = 'constant.language.akorn';
      } else if (next === '(') {
        scope = 'entity.name.function.akorn';
      } else if (next === '=') {
        scope = 'variable.other.property.akorn';
      } else {
        scope = 'variable.other.akorn';
      }
      void prev2;
    }
    if (scope) {
      out.push({ start: l.start, end: l.start + l.text.length, scope, kind, text: l.text });
    }
  });
  for (const l of lexemes) {
    if (l.text.startsWith('/**') && l.text !== '/**/') {
      out.push({ start: l.start, end: l.start + l.text.length, scope: 'comment.block.documentation.akorn', kind: 'comment', text: l.text });
    } else if (l.text.startsWith('/*')) {
      out.push({ start: l.start, end: l.start + l.text.length, scope: 'comment.block.akorn', kind: 'comment', text: l.text });
    } else if (l.text.startsWith('//')) {
      out.push({ start: l.start, end: l.start + l.text.length, scope: 'comment.line.double-slash.akorn', kind: 'comment', text: l.text });
    }
  }
  return out;
}

/** The scopes of every character of the text, as the TextMate engine assigns them. */
function actualScopes(grammar, text) {
  const scopes = new Array(text.length);
  let rule = vsctm.INITIAL;
  let offset = 0;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, rule);
    for (const t of r.tokens) {
      for (let c = t.startIndex; c < Math.min(t.endIndex, line.length); c++) {
        scopes[offset + c] = t.scopes;
      }
    }
    rule = r.ruleStack;
    offset += line.length + 1;
  }
  return scopes;
}

function check(grammar, file) {
  const text = fs.readFileSync(file, 'utf8');
  const scopes = actualScopes(grammar, text);
  const failures = [];
  const counts = {};
  for (const e of expectedScopes(text)) {
    counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    for (let c = e.start; c < e.end; c++) {
      if (text[c] === '\n') {
        continue;
      }
      if (!scopes[c] || !scopes[c].includes(e.scope)) {
        const line = text.slice(0, c).split('\n').length;
        failures.push(`${path.relative(process.cwd(), file)}:${line}: '${e.text.slice(0, 40)}' expected ${e.scope}, got ${(scopes[c] ?? []).join(' ')}`);
        break;
      }
    }
  }
  return { failures, counts };
}

/** A few lines pinned token by token. */
function pinned(grammar) {
  const line = (text) => grammar.tokenizeLine(text, vsctm.INITIAL).tokens
    .map((t) => [text.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]])
    .filter(([s]) => s.trim() !== '');
  const cases = [
    ['  param ch: int = 512;', [
      ['param', 'storage.type.param.akorn'], ['ch', 'variable.other.constant.declaration.akorn'],
      [':', 'punctuation.separator.type.akorn'], ['int', 'support.type.akorn'],
      ['=', 'keyword.operator.assignment.akorn'], ['512', 'constant.numeric.integer.akorn'],
      [';', 'punctuation.terminator.statement.akorn']]],
    ['  connectivity = attention(heads = heads, positional = gta); // J', [
      ['connectivity', 'variable.other.property.akorn'], ['=', 'keyword.operator.assignment.akorn'],
      ['attention', 'entity.name.function.akorn'], ['(', 'punctuation.section.parens.begin.akorn'],
      ['heads', 'variable.other.property.akorn'], ['=', 'keyword.operator.assignment.akorn'],
      ['heads', 'variable.other.akorn'], [',', 'punctuation.separator.comma.akorn'],
      ['positional', 'variable.other.property.akorn'], ['=', 'keyword.operator.assignment.akorn'],
      ['gta', 'variable.other.akorn'], [')', 'punctuation.section.parens.end.akorn'],
      [';', 'punctuation.terminator.statement.akorn'], ['//', 'punctuation.definition.comment.akorn'],
      [' J', 'comment.line.double-slash.akorn']]],
    ['  head logits = cell_classifier(classes = 9.5e-1);', [
      ['head', 'keyword.other.stage.akorn'], ['logits', 'variable.other.declaration.akorn'],
      ['=', 'keyword.operator.assignment.akorn'], ['cell_classifier', 'entity.name.function.akorn'],
      ['(', 'punctuation.section.parens.begin.akorn'], ['classes', 'variable.other.property.akorn'],
      ['=', 'keyword.operator.assignment.akorn'], ['9.5e-1', 'constant.numeric.float.akorn'],
      [')', 'punctuation.section.parens.end.akorn'], [';', 'punctuation.terminator.statement.akorn']]],
  ];
  const failures = [];
  for (const [text, expected] of cases) {
    const actual = JSON.stringify(line(text));
    if (actual !== JSON.stringify(expected)) {
      failures.push(`pinned line '${text}':\n  expected ${JSON.stringify(expected)}\n  got      ${actual}`);
    }
  }
  return failures;
}

async function main() {
  const grammar = await loadGrammar();
  const files = exampleFiles(MODELS);
  const failures = pinned(grammar);
  const totals = {};
  for (const f of files) {
    const r = check(grammar, f);
    failures.push(...r.failures);
    for (const [k, n] of Object.entries(r.counts)) {
      totals[k] = (totals[k] ?? 0) + n;
    }
  }
  for (const kind of ['keyword', 'name', 'number', 'string', 'comment']) {
    if (!totals[kind]) {
      failures.push(`no ${kind} found in the example models`);
    }
  }
  if (files.length < 13) {
    failures.push(`expected at least the 13 example models of this test's first version, found ${files.length}`);
  }
  if (failures.length > 0) {
    console.error(failures.join('\n'));
    console.error(`grammar test: ${failures.length} failure(s)`);
    process.exit(1);
  }
  const summary = Object.entries(totals).map(([k, n]) => `${n} ${k}s`).join(', ');
  console.log(`grammar test: ${files.length} example models tokenized; scopes of ${summary} as expected; 3 pinned lines`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
