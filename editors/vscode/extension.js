// The VS Code client: starts `akorn lsp` (path and arguments configurable) and connects it to
// .akorn documents over stdio. Everything else (diagnostics, hover, completion, formatting, ...)
// comes from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('akorn');
  const command = config.get('server.path', 'akorn');
  const args = config.get('server.args', ['lsp']);
  const serverOptions = { command, args };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'akorn' }],
    outputChannelName: 'AKOrN',
  };
  client = new LanguageClient('akorn', 'AKOrN language server', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('akorn.server')) {
        vscode.window.showInformationMessage('AKOrN: reload the window to restart the language server.');
      }
    }),
  );
  return client.start().catch((err) => {
    vscode.window.showErrorMessage(
      `AKOrN: could not start '${command} ${args.join(' ')}' (${err.message}). Set akorn.server.path.`,
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
