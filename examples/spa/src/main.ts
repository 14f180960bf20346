import { BffError, createBffClient, type BffClient, type MySession, type SessionEndedCode, type Transport } from '@strapi-auth-bff/client';

interface ExampleConfig {
  bffUrl: string;
  transport: Transport;
  proactiveRefresh: boolean;
  storage: 'memory' | 'local';
}

interface Article {
  documentId: string;
  title: string;
  body: string | null;
}

declare global {
  interface Window {
    /** The app's client, for trying it from the browser console. */
    bff?: BffClient;
  }
}

type View = 'signin' | 'mfa' | 'articles' | 'devices';

function element<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`The page has no ${selector}`);
  return found;
}

/** config.json sits next to the app, so one build runs against any BFF. */
async function loadConfig(): Promise<ExampleConfig> {
  const response = await fetch('./config.json', { cache: 'no-store' });
  const raw = (await response.json()) as Partial<ExampleConfig>;
  // Either transport can be tried from the address bar; the BFF's URL comes from the file only,
  // so a link can't point the sign-in form at someone else's server.
  const asked = new URLSearchParams(location.search).get('transport');
  const transport: Transport = asked === 'token' || asked === 'cookie' ? asked : raw.transport === 'token' ? 'token' : 'cookie';
  return {
    bffUrl: raw.bffUrl ?? location.origin,
    transport,
    proactiveRefresh: raw.proactiveRefresh !== false,
    storage: raw.storage === 'local' ? 'local' : 'memory',
  };
}

const ENDED: Record<string, string> = {
  logout: 'You are signed out.',
  session_revoked: 'This session was ended, from another device or by an administrator. Sign in again.',
  session_expired: 'Your session has expired. Sign in again.',
  refresh_token_reused: 'This session was ended for your safety: its refresh token was used twice. Sign in again.',
  invalid_refresh_token: 'Your session is no longer valid. Sign in again.',
  account_blocked: 'Your account is blocked. Please contact support.',
  account_deleted: 'Your account no longer exists.',
};

function notice(text: string | undefined, code = '', kind: 'warn' | 'info' = 'warn'): void {
  const box = element<HTMLParagraphElement>('#notice');
  box.hidden = text === undefined;
  box.textContent = text ?? '';
  box.dataset.code = code;
  box.dataset.kind = kind;
}

function failure(error: unknown): void {
  if (error instanceof BffError) {
    const trace = error.requestId ? `, request ${error.requestId}` : '';
    notice(`${error.message} (${error.code}${trace})`, error.code);
  } else {
    notice(error instanceof Error ? error.message : String(error), 'error');
  }
}

function log(event: string, detail: string): void {
  const list = element<HTMLOListElement>('#events');
  const item = document.createElement('li');
  item.dataset.event = event;
  item.textContent = `${new Date().toLocaleTimeString()} ${event}: ${detail}`;
  list.prepend(item);
  while (list.children.length > 50) list.lastElementChild?.remove();
}

function show(view: View): void {
  for (const section of ['signin', 'mfa', 'articles', 'devices'] as const) element(`#${section}`).hidden = section !== view;
  const signedIn = view === 'articles' || view === 'devices';
  element('#nav').hidden = !signedIn;
  document.body.dataset.state = signedIn ? 'signed-in' : 'signed-out';
}

function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, typeof value === 'string' ? value : value.name]));
}

function createApp(bff: BffClient): { route(): Promise<void> } {
  let mfaToken: string | undefined;

  async function loadArticles(): Promise<void> {
    const response = await bff.fetch('/api/articles?sort=createdAt:desc');
    // A call that found the session over has already signed the app out, with the reason shown.
    if (!bff.signedIn) return;
    if (!response.ok) throw new Error(`Strapi answered ${response.status}`);
    const { data } = (await response.json()) as { data: Article[] };
    const list = element<HTMLUListElement>('#article-list');
    list.replaceChildren(
      ...data.map((article) => {
        const item = document.createElement('li');
        const title = document.createElement('strong');
        title.textContent = article.title;
        item.append(title, article.body ? ` — ${article.body}` : '');
        return item;
      }),
    );
    element('#articles').dataset.loadedAt = String(Date.now());
  }

  function sessionRow(session: MySession): HTMLTableRowElement {
    const row = document.createElement('tr');
    row.className = session.current ? 'current' : '';
    row.dataset.sessionId = session.id;
    const cells = [session.deviceName ?? session.userAgent ?? 'Unnamed device', new Date(session.createdAt).toLocaleString(), new Date(session.lastUsedAt).toLocaleString()];
    for (const text of cells) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    const action = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = 'Sign out';
    button.addEventListener('click', () => {
      void bff.sessions
        .revoke(session.id)
        .then(() => (bff.signedIn ? loadSessions() : undefined))
        .catch(failure);
    });
    action.append(button);
    row.append(action);
    return row;
  }

  async function loadSessions(): Promise<void> {
    const sessions = await bff.sessions.list();
    element('#session-list').replaceChildren(...sessions.map(sessionRow));
  }

  async function route(): Promise<void> {
    if (!bff.signedIn) {
      show(mfaToken ? 'mfa' : 'signin');
      return;
    }
    element('#whoami').textContent = bff.user?.username ?? '';
    const view: View = location.hash === '#/devices' ? 'devices' : 'articles';
    show(view);
    try {
      await (view === 'devices' ? loadSessions() : loadArticles());
    } catch (error) {
      failure(error);
    }
  }

  element<HTMLFormElement>('#signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const { identifier, password, deviceName } = formValues(event.currentTarget as HTMLFormElement);
    void (async () => {
      try {
        const result = await bff.login({ identifier, password, ...(deviceName ? { deviceName } : {}) });
        switch (result.status) {
          case 'signed_in':
            // The client's signedIn event shows the app.
            notice(undefined);
            return;
          case 'mfa_required': {
            mfaToken = result.mfaToken;
            const methods = result.methods.length > 0 ? result.methods : ['totp'];
            element('#mfa-form select').replaceChildren(...methods.map((method) => new Option(method.replace('_', ' '), method)));
            notice('Enter a code from your authenticator app, or a recovery code.', 'mfa_required', 'info');
            break;
          }
          case 'mfa_enrollment_required':
            notice('Your role requires a second factor. Set one up with your administrator, then sign in again.', 'mfa_enrollment_required');
            break;
          case 'confirmation_required':
            notice('Check your inbox and confirm your email address, then sign in.', 'confirmation_required', 'info');
            break;
        }
        await route();
      } catch (error) {
        failure(error);
      }
    })();
  });

  element<HTMLFormElement>('#mfa-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const { method, code } = formValues(event.currentTarget as HTMLFormElement);
    if (!mfaToken) return;
    void bff
      .verifyMfa({ mfaToken, method, code })
      .then(() => {
        mfaToken = undefined;
        notice(undefined);
      })
      .catch(failure);
  });

  element<HTMLFormElement>('#article-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const { title, body } = formValues(form);
    void (async () => {
      try {
        const response = await bff.fetch('/api/articles', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: { title, body } }),
        });
        if (!bff.signedIn) return;
        if (!response.ok) throw new Error(`Strapi refused the article (${response.status})`);
        form.reset();
        await loadArticles();
      } catch (error) {
        failure(error);
      }
    })();
  });

  element('#reload-articles').addEventListener('click', () => {
    void loadArticles()
      .then(() => {
        if (bff.signedIn) notice(undefined);
      })
      .catch(failure);
  });
  element('#logout').addEventListener('click', () => void bff.logout().catch(failure));
  element('#revoke-others').addEventListener('click', () => {
    void bff.sessions
      .revoke('others')
      .then(({ revoked }) => {
        notice(`Signed out ${revoked} other device${revoked === 1 ? '' : 's'}.`, 'revoked_others', 'info');
        return loadSessions();
      })
      .catch(failure);
  });
  element('#revoke-all').addEventListener('click', () => void bff.sessions.revoke('all').catch(failure));
  window.addEventListener('hashchange', () => void route());

  return { route };
}

async function start(): Promise<void> {
  const config = await loadConfig();
  element('#transport').textContent = config.transport;
  const bff = createBffClient({
    baseUrl: config.bffUrl,
    transport: config.transport,
    proactiveRefresh: config.proactiveRefresh,
    ...(config.storage === 'local' ? { storage: localStorage } : {}),
  });
  window.bff = bff;
  const app = createApp(bff);

  bff.on('signedIn', ({ user, session }) => {
    log('signedIn', `${user.username}, session ${session.id}`);
    void app.route();
  });
  bff.on('tokens', ({ accessExpiresAt }) => log('tokens', `access token valid until ${new Date(accessExpiresAt).toLocaleTimeString()}`));
  bff.on('sessionEnded', ({ code }: { code: SessionEndedCode }) => {
    log('sessionEnded', code);
    notice(ENDED[code] ?? `You are signed out (${code}).`, code, code === 'logout' ? 'info' : 'warn');
    void app.route();
  });

  try {
    await bff.restore();
  } catch (error) {
    failure(error);
  }
  await app.route();
}

start().catch(failure);
