// juesuan for VS Code: runs `juesuan lsp` (the juesuan language server) over
// stdio for plain-text and Markdown drafts of departmental final-accounts
// reports (部门决算公开稿), with a status bar item and a restart command.
'use strict';

const os = require('os');
const path = require('path');
const vscode = require('vscode');
const {
  LanguageClient,
  State,
  TransportKind,
  DidChangeConfigurationNotification,
  ErrorAction,
  CloseAction,
} = require('vscode-languageclient/node');

const SECTION = 'juesuan';
/** Settings that belong to the extension, not to the server. */
const CLIENT_ONLY = new Set(['path', 'trace']);
/** Restarts allowed after crashes within RESTART_WINDOW_MS before giving up. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel} */
let output;
/** @type {vscode.StatusBarItem} */
let statusItem;
/** True while the extension itself stops the client (restart, deactivate). */
let stopping = false;
let crashTimes = [];

/** The settings the server reads: no client-only keys, no null values. */
function serverSettings(raw) {
  const out = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const key of Object.keys(raw)) {
    if (CLIENT_ONLY.has(key)) continue;
    const value = raw[key];
    if (value === null || value === undefined || typeof value === 'function') continue;
    if (key === 'catalogue' && value === '') continue;
    out[key] = value;
  }
  return out;
}

/**
 * The settings the user set somewhere (user, workspace or folder), not the
 * contributed defaults: a default must never override .juesuan.json, which
 * the server reads itself. `scope` is a resource Uri (or undefined).
 */
function explicitSettings(scope) {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const raw = {};
  for (const key of ['rules', 'failLevel', 'reportYear', 'catalogueEdition', 'catalogue', 'ignore', 'explainThreshold']) {
    const inspected = config.inspect(key);
    if (!inspected) continue;
    const set = [
      inspected.workspaceFolderLanguageValue, inspected.workspaceLanguageValue, inspected.globalLanguageValue,
      inspected.workspaceFolderValue, inspected.workspaceValue, inspected.globalValue,
    ].some((v) => v !== undefined);
    if (set) raw[key] = config.get(key);
  }
  return serverSettings(raw);
}

/** The server command: `juesuan.path` (with ~ and ${workspaceFolder}) or `juesuan`. */
function serverCommand() {
  let command = (vscode.workspace.getConfiguration(SECTION).get('path') || '').trim();
  if (!command) return 'juesuan';
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (folder) command = command.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath);
  if (command === '~' || command.startsWith('~/')) command = path.join(os.homedir(), command.slice(1));
  if (!path.isAbsolute(command) && command.includes('/') && folder) {
    command = path.join(folder.uri.fsPath, command);
  }
  return command;
}

function setStatus(state, detail) {
  const icons = { starting: '$(sync~spin)', running: '$(check)', stopped: '$(circle-slash)', error: '$(error)' };
  statusItem.text = `${icons[state] || ''} juesuan`.trim();
  statusItem.tooltip = `juesuan language server: ${state}${detail ? ` — ${detail}` : ''}\n点击查看输出 (click to show output)`;
  statusItem.backgroundColor = state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.accessibilityInformation = { label: `juesuan ${state}` };
  statusItem.show();
}

function createClient() {
  const command = serverCommand();
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = {
    run: { command, args: ['lsp'], transport: TransportKind.stdio },
    debug: { command, args: ['lsp'], transport: TransportKind.stdio },
  };
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.juesuan.json'),
    },
    initializationOptions: explicitSettings(),
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        crashTimes = crashTimes.filter((t) => now - t < RESTART_WINDOW_MS);
        crashTimes.push(now);
        if (crashTimes.length > MAX_RESTARTS) {
          setStatus('error', `the server stopped ${crashTimes.length} times in 3 minutes`);
          return {
            action: CloseAction.DoNotRestart,
            message: 'juesuan: the language server stopped repeatedly and will not be restarted. ' +
              'Run "juesuan: Restart Language Server" after fixing the cause (see the output).',
          };
        }
        return { action: CloseAction.Restart };
      },
    },
    middleware: {
      workspace: {
        // Answers to workspace/configuration for the `juesuan` section:
        // the settings the user set, for the item's scope.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i] || {};
            if (item.section !== SECTION) return value;
            return explicitSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined);
          });
        },
        // workspace/didChangeConfiguration carries the same settings.
        didChangeConfiguration: async () => {
          if (!client || !client.isRunning()) return;
          await client.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [SECTION]: explicitSettings() },
          });
        },
      },
    },
  };

  const created = new LanguageClient(SECTION, 'juesuan', serverOptions, clientOptions);
  created.onDidChangeState((event) => {
    if (event.newState === State.Starting) setStatus('starting', command);
    else if (event.newState === State.Running) setStatus('running', command);
    else if (event.newState === State.Stopped) {
      if (stopping) setStatus('stopped');
      else if (!statusItem.text.includes('$(error)')) setStatus('error', 'the server stopped unexpectedly');
    }
  });
  return created;
}

async function startClient() {
  client = createClient();
  setStatus('starting', serverCommand());
  try {
    await client.start();
  } catch (error) {
    const reason = error && error.message ? error.message : String(error);
    setStatus('error', reason);
    output.appendLine(`[juesuan] could not start "${serverCommand()} lsp": ${reason}`);
    const choice = await vscode.window.showErrorMessage(
      `juesuan: could not start the language server ("${serverCommand()} lsp"): ${reason}`,
      'Open Settings', 'Show Output');
    if (choice === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'juesuan.path');
    } else if (choice === 'Show Output') {
      output.show(true);
    }
  }
}

async function stopClient() {
  if (!client) return;
  const old = client;
  client = undefined;
  stopping = true;
  try {
    if (old.needsStop()) await old.stop(5000);
  } catch (error) {
    output.appendLine(`[juesuan] stopping the server: ${error && error.message ? error.message : error}`);
  } finally {
    stopping = false;
    setStatus('stopped');
  }
  try {
    await old.dispose();
  } catch (_) {
    // already stopped
  }
}

async function restartClient() {
  crashTimes = [];
  await stopClient();
  await startClient();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel('juesuan');
  statusItem = vscode.window.createStatusBarItem('juesuan.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'juesuan';
  statusItem.command = 'juesuan.showOutput';
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('juesuan.restartServer', restartClient),
    vscode.commands.registerCommand('juesuan.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('juesuan.path')) restartClient();
    }),
  );

  await startClient();
}

async function deactivate() {
  await stopClient();
}

module.exports = { activate, deactivate, serverSettings };
