// Preloaded (`node -r`) into a CLI process by the tests: when the process ends, writes the list
// of modules it loaded to $DATAMESH_MODULE_PROBE, so a test can tell what a command pulled in.
'use strict';
const fs = require('fs');
process.on('exit', () => {
  fs.writeFileSync(process.env.DATAMESH_MODULE_PROBE, JSON.stringify(Object.keys(require.cache)));
});
