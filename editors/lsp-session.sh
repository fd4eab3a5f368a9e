#!/usr/bin/env bash
# A scripted editor session with `bin/akorn lsp` over stdio: initialize, open a model, ask for a
# hover, a definition and completions, shut down and exit. Prints each message the server sends,
# one per line, and the server's exit status. Usage: editors/lsp-session.sh [MODEL.akorn]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="$(realpath "${1:-$root/examples/models/sudoku.akorn}")"
uri="file://$file"
text="$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' "$file" | awk '{printf "%s\\n", $0}')"

send() {
  printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"
}
doc="\"textDocument\":{\"uri\":\"$uri\"}"
session() {
  send '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
  send '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  send "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"languageId\":\"akorn\",\"version\":1,\"text\":\"$text\"}}}"
  sleep 2 # diagnostics are published after a short pause
  send "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{$doc,\"position\":{\"line\":11,\"character\":9}}}"
  send "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/definition\",\"params\":{$doc,\"position\":{\"line\":30,\"character\":8}}}"
  send "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/completion\",\"params\":{$doc,\"position\":{\"line\":37,\"character\":4}}}"
  sleep 2
  send '{"jsonrpc":"2.0","id":5,"method":"shutdown"}'
  sleep 1
  send '{"jsonrpc":"2.0","method":"exit"}'
}
set +e
session | "$root/bin/akorn" lsp | tr -d '\r' | sed -e 's/Content-Length: [0-9]*//g' -e 's/}{"jsonrpc"/}\n{"jsonrpc"/g'
status=${PIPESTATUS[1]}
echo
echo "exit status: $status"
