#!/usr/bin/env bash
# The VS Code grammar test, run by `mvn verify` (module editors/vscode). It needs node and npm;
# without them it says that it was skipped and succeeds (the Java tests never need node).
# Dependencies come from package-lock.json through `npm ci` (the npm registry only), once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: VS Code grammar test (editors/vscode): node and npm are not installed"
  exit 0
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "editors/vscode: npm ci (node $(node --version))"
  npm ci --no-audit --no-fund --loglevel=error
fi
node test/grammar.test.js
