#!/usr/bin/env node
'use strict';
// Runs this repository's TypeScript as compiled JavaScript without a build step, so nothing here
// ever runs a stale build: each source is transpiled (ts-node, transpile-only) the first time it
// is loaded and the output kept in node_modules/.cache/datamesh, keyed by source, compiler and
// tsconfig. Warm runs load no TypeScript at all and, unlike `node -r ts-node/register`, install
// no source-map-support hook that rewrites every stack trace anyone captures (cdktf captures one
// per token): Node's own source maps point errors at the .ts lines.
//
//   node bin/run-typescript.js stacks/main.ts     (cdktf.json's app)
// An installed package runs its compiled dist/ instead (see bin/datamesh.js).
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.join(__dirname, '..');

function registerCachedTypeScript() {
  const project = path.join(root, 'tsconfig.json');
  const cacheDir = process.env.DATAMESH_TRANSPILE_CACHE || defaultCacheDir();
  const salt = [fs.readFileSync(project, 'utf8'), packageVersion('ts-node'), packageVersion('typescript')].join('\0');
  let service;
  process.setSourceMapsEnabled(true);
  require.extensions['.ts'] = function compileTypeScript(module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    const key = crypto.createHash('sha256').update(salt).update('\0').update(filename).update('\0').update(source).digest('hex');
    const cached = path.join(cacheDir, `${key}.js`);
    let output;
    try {
      output = fs.readFileSync(cached, 'utf8');
    } catch {
      if (!service) service = require('ts-node').create({ transpileOnly: true, project });
      output = service.compile(source, filename);
      writeAtomically(cached, output);
    }
    module._compile(output, filename);
  };
}

// node_modules/.cache/datamesh of this checkout, or of the project that installed the package.
function defaultCacheDir() {
  const segments = root.split(path.sep);
  const installed = segments.lastIndexOf('node_modules');
  const modules = installed >= 0 ? segments.slice(0, installed + 1).join(path.sep) : path.join(root, 'node_modules');
  return path.join(modules, '.cache', 'datamesh');
}

function packageVersion(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    throw new Error(`datamesh runs from its TypeScript sources here and needs ${name}: run npm install`);
  }
}

// Concurrent runs may fill the same entry; a rename never leaves a half-written one. A cache that
// cannot be written (read-only install) only costs speed.
function writeAtomically(file, text) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch {
    // uncached
  }
}

module.exports = { registerCachedTypeScript };

if (require.main === module) {
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    process.stderr.write('usage: node bin/run-typescript.js <file.ts> [arguments]\n');
    process.exit(2);
  }
  registerCachedTypeScript();
  const file = path.resolve(script);
  // The script sees the argv it would see when run directly: node <file> [arguments].
  process.argv = [process.argv[0], file, ...args];
  require(file);
}
