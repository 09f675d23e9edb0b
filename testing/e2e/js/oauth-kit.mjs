// The shared part of the OAuth end-to-end scripts (oauth-e2e.mjs, facade-e2e.mjs) that drive the MCP TypeScript
// SDK client (@modelcontextprotocol/sdk 1.x) through an authorization-code + PKCE flow:
// - checks and step logging (a failed check throws Mismatch),
// - an HTTP trace: a fetch wrapper that records every request the SDK makes,
// - helpers for WWW-Authenticate challenges, scopes and JWTs,
// - the user at the browser: Keycloak's login and consent forms (and the sidecar's consent page) over plain HTTP
//   with a cookie jar,
// - an in-memory OAuthClientProvider whose redirectToAuthorization plays that user,
// - run(main): exit 0 when every check passed, 1 with a message on the first deviation.
import { randomBytes } from 'node:crypto';

export class Mismatch extends Error {}

export function check(condition, message, detail) {
  if (!condition) {
    throw new Mismatch(message + (detail === undefined ? '' : `\n  got: ${typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}`));
  }
}

let stepNo = 0;
export function step(message) {
  console.log(`\n== ${++stepNo}. ${message}`);
}
export function log(message) {
  console.log(`   ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP trace: every request the SDK makes goes through this fetch, so the script can assert on what went over the
// wire (the 401 and 403 challenges, PRM and AS metadata look-ups, DCR, token requests).

/**
 * A recording fetch for the SDK: returns { trace, tracedFetch, since }, where `trace` holds one entry per request
 * ({ method, url, status, wwwAuthenticate, requestBody, json? }) and `since(mark)` the entries added after
 * `trace.length` was `mark`. Small JSON bodies (metadata, registration, token and error responses) are kept.
 */
export function httpTrace(mcpUrl) {
  const trace = [];

  async function tracedFetch(input, init = {}) {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const response = await fetch(input, init);
    const entry = {
      method,
      url,
      status: response.status,
      wwwAuthenticate: response.headers.get('www-authenticate'),
      requestBody: typeof init.body === 'string' ? init.body : init.body instanceof URLSearchParams ? init.body.toString() : undefined,
    };
    // Keep a copy of small JSON bodies (metadata, registration, token and error responses) for the checks.
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('application/json') && method !== 'POST' || !url.startsWith(mcpUrl) && type.includes('json')) {
      try {
        entry.json = await response.clone().json();
      } catch {
        // not JSON after all
      }
    }
    trace.push(entry);
    const challenge = entry.wwwAuthenticate ? `  WWW-Authenticate: ${entry.wwwAuthenticate}` : '';
    console.log(`   http: ${method} ${url} -> ${response.status}${challenge}`);
    return response;
  }

  /** Trace entries added since the mark. */
  function since(mark) {
    return trace.slice(mark);
  }

  return { trace, tracedFetch, since };
}

/** Parses a `WWW-Authenticate: Bearer k="v", k2=v2` challenge into { scheme, params }. */
export function parseChallenge(header) {
  check(header, 'expected a WWW-Authenticate header');
  const m = /^\s*(\S+)\s*(.*)$/s.exec(header);
  const params = {};
  const re = /([A-Za-z0-9_!#$%&'*+.^`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/g;
  let p;
  while ((p = re.exec(m[2])) !== null) {
    params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
  }
  return { scheme: m[1], params };
}

export function scopesOf(text) {
  return new Set((text ?? '').split(/\s+/).filter(Boolean));
}

export function decodeJwt(token) {
  const parts = token.split('.');
  check(parts.length === 3, 'the access token is not a JWT', token.slice(0, 40) + '…');
  return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
}

export function audiences(payload) {
  return payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
}

// ---------------------------------------------------------------------------------------------------------------
// The user at the browser: Keycloak's login and consent forms over plain HTTP with a cookie jar.

class CookieJar {
  #cookies = new Map();

  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a))
        || attributes.some((a) => /^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
      if (expired || value === '') {
        this.#cookies.delete(name);
      } else {
        this.#cookies.set(name, value);
      }
    }
  }

  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function decodeEntities(text) {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)));
}

function attribute(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2]) : undefined;
}

/** The forms of an HTML page: { id, action, inputs: [{name, type, value}], buttons: [{name, value}] }. */
function forms(html) {
  const result = [];
  const re = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
  let m;
  while ((m = re.exec(html)) !== null) {
    const inputs = [...m[2].matchAll(/<input\b[^>]*>/gi)].map(([tag]) => ({
      name: attribute(tag, 'name'), type: (attribute(tag, 'type') ?? 'text').toLowerCase(), value: attribute(tag, 'value') ?? '',
    }));
    const buttons = [...m[2].matchAll(/<button\b[^>]*>/gi)].map(([tag]) => ({
      name: attribute(tag, 'name'), type: (attribute(tag, 'type') ?? 'submit').toLowerCase(), value: attribute(tag, 'value') ?? '',
    }));
    result.push({ id: attribute(`<form${m[1]}>`, 'id'), action: attribute(`<form${m[1]}>`, 'action'), inputs, buttons });
  }
  return result;
}

/** Keycloak's error/info message on a page, for failure messages. */
function pageMessage(html) {
  const m = /class="[^"]*(?:kc-feedback-text|pf-v5-c-alert__title|alert-error|instruction)[^"]*"[^>]*>([\s\S]*?)</i.exec(html)
    ?? /<title>([\s\S]*?)<\/title>/i.exec(html);
  return m ? decodeEntities(m[1]).replace(/\s+/g, ' ').trim() : html.slice(0, 300);
}

class Browser {
  jar = new CookieJar();

  /**
   * Requests a URL without following redirects; follows them itself (keeping cookies) until a response is not a
   * redirect or the redirect goes to a URL starting with `stopAt`. Returns { url, response, html } or { redirect }.
   */
  async go(url, init, stopAt) {
    let current = url;
    let options = init;
    for (let hops = 0; hops < 10; hops++) {
      const response = await fetch(current, {
        ...options,
        redirect: 'manual',
        headers: { ...(options?.headers ?? {}), cookie: this.jar.header(), 'user-agent': 'ncmcp-oauth-e2e' },
      });
      this.jar.store(response);
      log(`user agent: ${options?.method ?? 'GET'} ${shorten(current)} -> ${response.status}`);
      if (response.status >= 300 && response.status < 400) {
        const location = new URL(response.headers.get('location'), current).toString();
        if (location.startsWith(stopAt)) {
          return { redirect: new URL(location) };
        }
        current = location;
        options = { method: 'GET' };
        continue;
      }
      return { url: current, response, html: await response.text() };
    }
    throw new Mismatch(`too many redirects starting at ${url}`);
  }

  async submit(page, form, fields, stopAt) {
    check(form.action, `the form on ${shorten(page.url)} has no action`, form);
    const body = new URLSearchParams();
    for (const input of form.inputs) {
      if (input.name && input.type === 'hidden') {
        body.set(input.name, input.value);
      }
    }
    for (const [k, v] of Object.entries(fields)) {
      body.set(k, v);
    }
    return this.go(new URL(form.action, page.url).toString(), {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(),
    }, stopAt);
  }
}

function shorten(url) {
  const u = new URL(url);
  return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
}

/**
 * Logs the user in at the authorization URL and grants consent; returns the authorization response parameters
 * (code, state, iss) from the redirect to the redirect URI. With `sidecarOrigin` (the authorization-server facade),
 * the sidecar's own consent page is expected and allowed as well; the result then also has `sawSidecarConsent`.
 */
async function userAuthorizes(browser, authorizationUrl, redirectUrl, { username, password, sidecarOrigin }) {
  let result = await browser.go(authorizationUrl.toString(), { method: 'GET' }, redirectUrl);
  let sawLogin = false;
  let sawConsent = false;
  let sawSidecarConsent = false;
  const seen = () => (sidecarOrigin ? { sawLogin, sawConsent, sawSidecarConsent } : { sawLogin, sawConsent });
  for (let pages = 0; !result.redirect && pages < 6; pages++) {
    const { response, html } = result;
    check(response.status === 200, `Keycloak answered ${response.status} at ${shorten(result.url)}: ${pageMessage(html)}`);
    const all = forms(html);
    const sidecarConsent = sidecarOrigin ? all.find((f) => f.inputs.some((i) => i.name === 'consent')) : undefined;
    if (sidecarConsent) {
      check(!sawSidecarConsent, 'the sidecar consent page came back after allowing');
      sawSidecarConsent = true;
      check(new URL(result.url).origin === sidecarOrigin, `the consent page is not served by the sidecar: ${result.url}`);
      log(`sidecar consent page (${shorten(result.url)}): allowing`);
      result = await browser.submit(result, sidecarConsent, { decision: 'allow' }, redirectUrl);
      continue;
    }
    const login = all.find((f) => f.id === 'kc-form-login' && f.inputs.some((i) => i.name === 'password'));
    const consent = all.find((f) => [...f.inputs, ...f.buttons].some((b) => b.name === 'accept'));
    if (login) {
      check(!sawLogin, `the login form came back after submitting the credentials: ${pageMessage(html)}`);
      sawLogin = true;
      log(`login form (action ${shorten(login.action)}): submitting username '${username}' and the password`);
      result = await browser.submit(result, login, { username, password, credentialId: '' }, redirectUrl);
    } else if (consent) {
      check(!sawConsent, `the consent form came back after accepting: ${pageMessage(html)}`);
      sawConsent = true;
      const accept = [...consent.buttons, ...consent.inputs].find((b) => b.name === 'accept');
      const granted = [...html.matchAll(/<li[^>]*>\s*<span[^>]*>([^<]+)<\/span>/gi)].map((m) => decodeEntities(m[1]).trim());
      log(`consent page${granted.length ? ` (asks for: ${granted.join(', ')})` : ''}: submitting accept=${accept.value || 'Yes'}`);
      result = await browser.submit(result, consent, { accept: accept.value || 'Yes' }, redirectUrl);
    } else {
      throw new Mismatch(`unexpected Keycloak page at ${shorten(result.url)}: ${pageMessage(html)}`);
    }
  }
  check(result.redirect, 'Keycloak did not redirect back to the redirect URI');
  const params = result.redirect.searchParams;
  if (params.has('error')) {
    log(`redirected to the redirect URI with error=${params.get('error')} error_description="${params.get('error_description') ?? ''}"`);
    return { error: params.get('error'), errorDescription: params.get('error_description'), state: params.get('state'),
      iss: params.get('iss'), ...seen() };
  }
  check(params.get('code'), 'no code in the redirect to the redirect URI', result.redirect.toString());
  log(`redirected to ${result.redirect.origin}${result.redirect.pathname} with a code${sawLogin ? '' : ' (SSO session: no login form)'}`
    + `${sawConsent ? ', after consent' : ' (no consent page)'}`);
  return { code: params.get('code'), state: params.get('state'), iss: params.get('iss'), ...seen() };
}

// ---------------------------------------------------------------------------------------------------------------
// The OAuthClientProvider: everything in memory.

/** A loopback redirect URI on a random port; nothing listens there (the browser stops at the redirect). */
export function randomRedirectUrl() {
  return `http://127.0.0.1:${20000 + Math.floor(Math.random() * 40000)}/callback`;
}

export class InMemoryOAuthProvider {
  #clientInformation;
  #tokens;
  #codeVerifier;
  #discovery;
  #state;
  #clientName;
  #user;
  browser = new Browser();
  /** Authorizations that happened (redirectToAuthorization calls), newest last. */
  authorizations = [];

  /**
   * `clientName` goes into the DCR metadata; `username` and `password` are typed into the login form; with
   * `sidecarOrigin`, the sidecar's consent page (authorization-server facade) is allowed too.
   */
  constructor({ redirectUrl, clientName, username, password, sidecarOrigin }) {
    this._redirectUrl = redirectUrl;
    this.#clientName = clientName;
    this.#user = { username, password, sidecarOrigin };
  }

  get redirectUrl() {
    return this._redirectUrl;
  }

  get clientMetadata() {
    return {
      client_name: this.#clientName,
      redirect_uris: [this._redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      application_type: 'native',
    };
  }

  state() {
    this.#state = randomBytes(16).toString('base64url');
    return this.#state;
  }

  clientInformation() {
    return this.#clientInformation;
  }

  saveClientInformation(info) {
    this.#clientInformation = info;
  }

  tokens() {
    return this.#tokens;
  }

  saveTokens(tokens) {
    this.#tokens = tokens;
  }

  saveCodeVerifier(verifier) {
    this.#codeVerifier = verifier;
  }

  codeVerifier() {
    check(this.#codeVerifier, 'the SDK asked for a PKCE code verifier before saving one');
    return this.#codeVerifier;
  }

  saveDiscoveryState(state) {
    this.#discovery = state;
  }

  discoveryState() {
    return this.#discovery;
  }

  invalidateCredentials(scope) {
    log(`SDK/provider: invalidating credentials (${scope})`);
    if (scope === 'all' || scope === 'client') this.#clientInformation = undefined;
    if (scope === 'all' || scope === 'tokens') this.#tokens = undefined;
    if (scope === 'all' || scope === 'verifier') this.#codeVerifier = undefined;
    if (scope === 'all' || scope === 'discovery') this.#discovery = undefined;
  }

  /** Instead of opening a browser: the user logs in and consents right here; the code waits for finishAuth. */
  async redirectToAuthorization(authorizationUrl) {
    const q = authorizationUrl.searchParams;
    log(`SDK redirects the user to ${authorizationUrl.origin}${authorizationUrl.pathname}`);
    log(`  client_id=${q.get('client_id')} scope="${q.get('scope')}" resource=${q.get('resource')} `
      + `code_challenge_method=${q.get('code_challenge_method')} state=${q.has('state')}`);
    check(q.get('response_type') === 'code', 'authorization request: response_type is not code', q.toString());
    check(q.get('code_challenge_method') === 'S256' && q.get('code_challenge'), 'authorization request: no PKCE S256 challenge', q.toString());
    check(q.get('redirect_uri') === this._redirectUrl, 'authorization request: wrong redirect_uri', q.get('redirect_uri'));
    const sentState = q.get('state');
    const response = await userAuthorizes(this.browser, authorizationUrl, this._redirectUrl, this.#user);
    if (sentState) {
      check(response.state === sentState, 'the state in the authorization response differs from the request', response);
    }
    const issuer = this.#discovery?.authorizationServerMetadata?.issuer;
    if (response.iss) {
      check(response.iss === issuer, `the iss in the authorization response (${response.iss}) is not the AS issuer (${issuer})`);
      log(`iss in the authorization response matches the AS issuer ${issuer}`);
    }
    this.authorizations.push({ url: authorizationUrl, scope: q.get('scope'), ...response });
  }

  /** The code of the last authorization, once. */
  takeCode() {
    const last = this.authorizations.at(-1);
    check(last && !last.used, 'expected a fresh authorization code from the login, there is none');
    check(!last.error, `the authorization (scope "${last.scope}") failed: ${last.error} ${last.errorDescription ?? ''}`);
    last.used = true;
    return last.code;
  }
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Runs the script's checks: exits 0 when every check passed, 1 with a message on the first deviation. `client`
 * returns the MCP client to close (or undefined).
 */
export async function run(main, client) {
  try {
    await main();
    console.log('\nall checks passed');
    try { await client()?.close(); } catch { /* ignore */ }
    process.exit(0);
  } catch (e) {
    console.error(`\nFAILED: ${e instanceof Mismatch ? e.message : (e?.stack ?? e)}`);
    try { await client()?.close(); } catch { /* ignore */ }
    process.exit(1);
  }
}
