/**
 * The desktop shell: one window (context isolation, sandbox, no Node in the page, strict CSP from app://), the page's
 * own menus (the application menu is removed so the window is the same as in the browser), navigation and new windows
 * blocked, one instance per user. The host runs here and answers the preload's single channel.
 */
import { app, BrowserWindow, Menu, shell } from 'electron';
import { join } from 'node:path';
import { resolveDirs } from '../shared/node/config-paths.js';
import { createNodeHost } from '../shared/node/host/create.js';
import { OsKeychain } from '../shared/node/keychain.js';
import { runningServiceBridge } from '../shared/node/host/service-bridge.js';
import { registerHostIpc } from './ipc.js';
import { startServiceIfNone } from './service-child.js';
import { registerSchemePrivileges, serveRenderer } from './protocol.js';
import { HOST_METHODS } from '../shared/host/schemas.js';
import { APP_ORIGIN, hostMethodsArgument } from './channel.js';

registerSchemePrivileges();

function paths() {
  const root = app.getAppPath();
  return {
    renderer: join(root, 'out', 'renderer'),
    preload: join(root, 'out', 'electron', 'preload.cjs'),
    resources: app.isPackaged ? join(process.resourcesPath, 'resources') : join(root, 'resources'),
  };
}

function createWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    title: 'アラートマネージャ設定ウィンドウ',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      additionalArguments: [hostMethodsArgument(HOST_METHODS)],
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) e.preventDefault();
  });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  Menu.setApplicationMenu(null);
  const p = paths();
  const dirs = resolveDirs({ env: process.env });
  // テスト通報 / 開局通報, the status and 通報テスト go to the running service (its local API): the service ships in this
  // package but electron/ may not import service/, and only the service can open the sealed proxy password.
  // Remembered passwords live in the desktop user's OS keychain (loaded on first use; absent keychain = ER_1012).
  const host = await createNodeHost(
    { ...dirs, resourcesDir: p.resources, version: app.getVersion() },
    process.env,
    runningServiceBridge(dirs.stateDir),
    new OsKeychain(),
  );
  registerHostIpc(host);
  serveRenderer(p.renderer);
  const service = await startServiceIfNone(app.getAppPath(), dirs);
  app.on('will-quit', () => service?.kill('SIGTERM'));
  let win = createWindow(p.preload);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow(p.preload);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (ev, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) ev.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

void start();
