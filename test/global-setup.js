/**
 * Jest global setup: builds dist/ when the sources changed (scripts/build-if-stale.js), once
 * for all workers, because tests in test/deploy run the built bot as a real child process.
 */
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-if-stale.js')], {
    stdio: 'inherit',
  });
};
