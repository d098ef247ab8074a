#!/usr/bin/env node
'use strict';
// The `datamesh` command. An installed package runs its compiled JavaScript (dist/). In this
// repository it runs the TypeScript sources, transpiled once and cached (run-typescript.js), so
// it never runs a stale build and warm runs never load TypeScript.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

const sources = path.join(root, 'src', 'cli', 'main.ts');
if (fs.existsSync(sources)) {
  require('./run-typescript').registerCachedTypeScript();
  require(sources).main();
} else {
  require(path.join(root, 'dist', 'cli', 'main.js')).main();
}
