'use strict';
// `datamesh` as an installed package runs it: the checkout's compiled dist/cli/main.js, with no
// transpile cache and no source maps (bin/datamesh.js runs the TypeScript sources when they are
// there, as in a repository).   node bench/installed-cli.js <checkout> <datamesh arguments...>
const path = require('path');

const [checkout, ...args] = process.argv.slice(2);
const root = path.resolve(checkout);
process.argv = [process.argv[0], path.join(root, 'bin', 'datamesh.js'), ...args];
require(path.join(root, 'dist', 'cli', 'main.js')).main();
