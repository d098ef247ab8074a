#!/usr/bin/env node
'use strict';
// The `datamesh` command. An installed package runs its compiled JavaScript (dist/). In this
// repository it runs the TypeScript sources through ts-node in transpile-only mode, as `cdktf
// synth` does, so it never runs a stale build; ts-node's output is kept in
// node_modules/.cache/datamesh (keyed by source, compiler and tsconfig), because compiling on
// every run would cost more than `datamesh validate` itself: warm runs never load TypeScript.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.join(__dirname, '..');

const sources = path.join(root, 'src', 'cli', 'main.ts');
if (fs.existsSync(sources)) {
  registerCachedTypeScript();
  require(sources).main();
} else {
  require(path.join(root, 'dist', 'cli', 'main.js')).main();
}

function registerCachedTypeScript() {
  const project = path.join(root, 'tsconfig.json');
  const cacheDir = process.env.DATAMESH_TRANSPILE_CACHE || defaultCacheDir();
  const salt = [fs.readFileSync(project, 'utf8'), packageVersion('ts-node'), packageVersion('typescript')].join('\0');
  let service;
  // Source maps make stack traces point at the .ts lines.
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
