// Wires the pure decisions of security.ts to every web contents and to the session. Only types come from
// electron here, so the wiring itself is unit-tested with fake emitters (tests/unit/electron/guards.test.ts).

import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRendererRequest, permissionDecision, windowOpenDecision } from './security';

export interface GuardOptions {
  /** The dev server origin when running unpackaged under electron-vite dev; null otherwise. */
  devOrigin: string | null;
  /** shell.openExternal; called only with URLs externalUrlToOpen accepted. */
  openExternal: (url: string) => Promise<void>;
  log?: (line: string) => void;
}

type Preventable = { preventDefault(): void; url?: string };

/**
 * Applied to every web contents the app ever creates (app 'web-contents-created'): navigation and redirects
 * only within our origin, every window.open denied (allowlisted https links go to the user's browser instead),
 * no <webview>, and outside electron-vite dev no DevTools.
 */
export function hardenWebContents(contents: WebContents, options: GuardOptions): void {
  const { devOrigin, openExternal } = options;
  const log = options.log ?? (() => {});
  const guardNavigation = (kind: string) => (event: Preventable) => {
    if (isAllowedNavigation(event.url, devOrigin)) return;
    event.preventDefault();
    log(`blocked ${kind}`);
    // A plain link to an allowlisted page still works: it opens in the user's browser.
    const external = windowOpenDecision(event.url).openExternal;
    if (external && kind === 'navigation') openExternal(external).catch(() => log('openExternal failed'));
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a webview');
  });
  // DevTools are off in every window we open (secureWebPreferences); should anything open them anyway outside
  // electron-vite dev, they are closed at once.
  if (devOrigin === null)
    contents.on('devtools-opened', () => {
      contents.closeDevTools();
      log('closed DevTools (not available outside development)');
    });
  contents.setWindowOpenHandler((details) => {
    const decision = windowOpenDecision(details.url);
    if (decision.openExternal) openExternal(decision.openExternal).catch(() => log('openExternal failed'));
    return { action: decision.action };
  });
}

/** Every permission request and check refused; the renderer session reaches no network and no file. */
export function hardenSession(session: Session, options: Pick<GuardOptions, 'devOrigin' | 'log'>): void {
  const log = options.log ?? (() => {});
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`refused permission ${permission}`);
    callback(permissionDecision(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler(() => permissionDecision('device'));
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = isAllowedRendererRequest(details.url, options.devOrigin);
    if (!allowed) log(`blocked a ${details.resourceType} request from the page`);
    callback({ cancel: !allowed });
  });
}
