// End-to-end OAuth check of the ncmcp sidecar with the MCP TypeScript SDK client (@modelcontextprotocol/sdk 1.x,
// the 2025-11-25-era SDK) against a real Keycloak.
// Usage: node oauth-e2e.mjs <mcp-url> <username> <password>
//
// Starting from nothing but the MCP URL, the SDK gets the 401, reads the Protected Resource Metadata, discovers the
// authorization server (Keycloak), registers a client (DCR) and starts an authorization-code + PKCE flow. This
// script plays the user: it drives Keycloak's login and consent forms over HTTP (cookie jar, no browser) and hands
// the code back to the SDK. Then: tools/list is filtered to the granted (read) scopes, a write tool is refused with
// 403 insufficient_scope, the client steps up (spec: union of the granted and the challenged scopes, new
// authorization) and the same call succeeds.
// Exits 0 when every check passed, 1 with a message on the first deviation, 2 on bad usage.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { randomBytes } from 'node:crypto';

const [mcpUrl, username, password] = process.argv.slice(2);
if (!mcpUrl || !username || !password) {
  console.error('usage: node oauth-e2e.mjs <mcp-url> <username> <password>');
  process.exit(2);
}

const READ_TOOLS = ['nc_notes_list_notes', 'nc_notes_get_note'];
const WRITE_TOOLS = ['nc_notes_create_note', 'nc_notes_update_note', 'nc_notes_append_to_note', 'nc_notes_delete_note',
  'nc_files_write_file'];
const WRITE_TOOL = 'nc_notes_create_note';
const WRITE_SCOPE = 'notes:write';
const AUDIENCE = 'mcp-sidecar';

class Mismatch extends Error {}

function check(condition, message, detail) {
  if (!condition) {
    throw new Mismatch(message + (detail === undefined ? '' : `\n  got: ${typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}`));
  }
}

let stepNo = 0;
function step(message) {
  console.log(`\n== ${++stepNo}. ${message}`);
}
function log(message) {
  console.log(`   ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP trace: every request the SDK makes goes through this fetch, so the script can assert on what went over the
// wire (the 401 and 403 challenges, PRM and AS metadata look-ups, DCR, token requests).

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

/** Parses a `WWW-Authenticate: Bearer k="v", k2=v2` challenge into { scheme, params }. */
function parseChallenge(header) {
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

function scopesOf(text) {
  return new Set((text ?? '').split(/\s+/).filter(Boolean));
}

function decodeJwt(token) {
  const parts = token.split('.');
  check(parts.length === 3, 'the access token is not a JWT', token.slice(0, 40) + '…');
  return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
}

function audiences(payload) {
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
 * (code, state, iss) from the redirect to the redirect URI.
 */
async function userAuthorizes(browser, authorizationUrl, redirectUrl) {
  let result = await browser.go(authorizationUrl.toString(), { method: 'GET' }, redirectUrl);
  let sawLogin = false;
  let sawConsent = false;
  for (let pages = 0; !result.redirect && pages < 6; pages++) {
    const { response, html } = result;
    check(response.status === 200, `Keycloak answered ${response.status} at ${shorten(result.url)}: ${pageMessage(html)}`);
    const all = forms(html);
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
      iss: params.get('iss'), sawLogin, sawConsent };
  }
  check(params.get('code'), 'no code in the redirect to the redirect URI', result.redirect.toString());
  log(`redirected to ${result.redirect.origin}${result.redirect.pathname} with a code${sawLogin ? '' : ' (SSO session: no login form)'}`
    + `${sawConsent ? ', after consent' : ' (no consent page)'}`);
  return { code: params.get('code'), state: params.get('state'), iss: params.get('iss'), sawLogin, sawConsent };
}

// ---------------------------------------------------------------------------------------------------------------
// The OAuthClientProvider: everything in memory.

class InMemoryOAuthProvider {
  #clientInformation;
  #tokens;
  #codeVerifier;
  #discovery;
  #state;
  browser = new Browser();
  /** Authorizations that happened (redirectToAuthorization calls), newest last. */
  authorizations = [];

  constructor(redirectUrl) {
    this._redirectUrl = redirectUrl;
  }

  get redirectUrl() {
    return this._redirectUrl;
  }

  get clientMetadata() {
    return {
      client_name: 'ncmcp OAuth e2e (TypeScript SDK)',
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
    const response = await userAuthorizes(this.browser, authorizationUrl, this._redirectUrl);
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

const redirectUrl = `http://127.0.0.1:${20000 + Math.floor(Math.random() * 40000)}/callback`;
const provider = new InMemoryOAuthProvider(redirectUrl);
let client;
let transport;

function newTransport() {
  return new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider, fetch: tracedFetch });
}

async function connect() {
  client = new Client({ name: 'ncmcp-oauth-e2e', version: '0.1.0' });
  transport = newTransport();
  await client.connect(transport);
}

function describeToken(label) {
  const tokens = provider.tokens();
  check(tokens?.access_token, `${label}: no access token stored`);
  const payload = decodeJwt(tokens.access_token);
  log(`${label}: scope="${payload.scope}" aud=${JSON.stringify(payload.aud)} sub=${payload.sub} `
    + `preferred_username=${payload.preferred_username} azp=${payload.azp} iss=${payload.iss}`);
  return payload;
}

async function listAllTools() {
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return new Set(tools.map((t) => t.name));
}

async function main() {
  log(`MCP server: ${mcpUrl}; redirect URI ${redirectUrl} (nothing listens there)`);

  // -- 1: the unauthenticated attempt and everything the SDK does from the 401 up to the redirect to the login page
  step('connect without a token: 401 -> PRM -> AS metadata -> DCR -> authorization request');
  let mark = trace.length;
  try {
    await connect();
    throw new Mismatch('connecting without a token succeeded: the server does not require authorization');
  } catch (e) {
    if (e instanceof Mismatch) throw e;
    check(e instanceof UnauthorizedError, `connect without a token: expected the SDK's UnauthorizedError (redirect to login), got ${e?.stack ?? e}`);
  }
  const first = since(mark);
  check(first[0]?.url === mcpUrl && first[0]?.method === 'POST', 'the first request was not the POST to the MCP endpoint', first[0]);
  check(first[0].status === 401, `the first request (no token) got HTTP ${first[0].status}, expected 401`, first[0]);
  const challenge401 = parseChallenge(first[0].wwwAuthenticate);
  check(challenge401.scheme.toLowerCase() === 'bearer', 'the 401 challenge is not a Bearer challenge', first[0].wwwAuthenticate);
  check(challenge401.params.resource_metadata, 'the 401 challenge has no resource_metadata', first[0].wwwAuthenticate);
  check(challenge401.params.scope, 'the 401 challenge has no scope', first[0].wwwAuthenticate);
  const challengedScopes = scopesOf(challenge401.params.scope);
  log(`401 ok: resource_metadata=${challenge401.params.resource_metadata} scope="${challenge401.params.scope}"`);
  check(challengedScopes.has('notes:read'), 'the 401 challenge does not ask for notes:read (this test lists notes with it)', challenge401.params.scope);
  check(!challengedScopes.has(WRITE_SCOPE), `the 401 challenge already asks for ${WRITE_SCOPE}: no least privilege, nothing to step up to`, challenge401.params.scope);

  const prmCall = first.find((t) => t.url === challenge401.params.resource_metadata);
  check(prmCall, `the SDK did not fetch the PRM at ${challenge401.params.resource_metadata}`);
  check(prmCall.status === 200 && prmCall.json, `the PRM at ${prmCall.url} answered ${prmCall.status}`, prmCall);
  const prm = prmCall.json;
  log(`PRM: ${JSON.stringify(prm)}`);
  check(prm.resource === mcpUrl, `PRM resource ${prm.resource} is not the MCP URL ${mcpUrl}`);
  check(Array.isArray(prm.authorization_servers) && prm.authorization_servers.length > 0, 'PRM lists no authorization_servers', prm);

  const discovery = provider.discoveryState();
  check(discovery?.authorizationServerMetadata, 'the SDK found no authorization server metadata', discovery);
  const asMetadata = discovery.authorizationServerMetadata;
  const asCall = first.find((t) => t.status === 200 && t.json?.issuer === asMetadata.issuer && t.url.includes('/.well-known/'));
  log(`AS metadata: issuer ${asMetadata.issuer} from ${asCall?.url ?? '(unknown URL)'}`);
  check(prm.authorization_servers.includes(asMetadata.issuer) || prm.authorization_servers.includes(discovery.authorizationServerUrl),
    'the AS metadata issuer is not one of the PRM authorization_servers', { prm: prm.authorization_servers, issuer: asMetadata.issuer });
  check(asMetadata.registration_endpoint, 'the AS metadata has no registration_endpoint (DCR)', asMetadata);

  const dcr = first.find((t) => t.method === 'POST' && t.url === asMetadata.registration_endpoint);
  check(dcr, 'the SDK did not call the registration endpoint');
  check(dcr.status === 201 || dcr.status === 200, `DCR answered ${dcr.status}`, dcr.json ?? dcr);
  const registered = provider.clientInformation();
  check(registered?.client_id, 'DCR stored no client_id', registered);
  log(`DCR ok: client_id=${registered.client_id} (registered scope "${dcr.json?.scope ?? ''}", `
    + `token_endpoint_auth_method=${dcr.json?.token_endpoint_auth_method})`);

  check(provider.authorizations.length === 1, 'the SDK did not send the user to the authorization endpoint');
  const firstAuthorization = provider.authorizations[0];
  check(scopesOf(firstAuthorization.scope).size === challengedScopes.size
      && [...challengedScopes].every((s) => scopesOf(firstAuthorization.scope).has(s)),
    `the authorization request's scope "${firstAuthorization.scope}" is not the challenged scope "${challenge401.params.scope}"`);
  check(firstAuthorization.sawLogin, 'the login form was not shown for the first authorization');
  log(`login ok for ${username}${firstAuthorization.sawConsent ? ', consent given' : ''}`);

  // -- 2: code -> token
  step('finishAuth(code): token request with the PKCE verifier');
  mark = trace.length;
  await transport.finishAuth(provider.takeCode());
  const tokenCall = since(mark).find((t) => t.url === asMetadata.token_endpoint);
  check(tokenCall?.status === 200, 'the token request failed', tokenCall);
  check(new URLSearchParams(tokenCall.requestBody ?? '').has('code_verifier'), 'the token request carried no code_verifier');
  const token1 = describeToken('token');
  const granted1 = scopesOf(token1.scope);
  for (const s of challengedScopes) {
    check(granted1.has(s), `the token lacks the challenged scope ${s}`, token1.scope);
  }
  check(!granted1.has(WRITE_SCOPE), `the first token already carries ${WRITE_SCOPE}`, token1.scope);
  check(audiences(token1).includes(AUDIENCE), `the token's aud does not include ${AUDIENCE}`, token1.aud);

  // -- 3: reconnect with the token, list tools
  step('reconnect with the token and list tools (filtered by scope)');
  mark = trace.length;
  await connect();
  const withBearer = since(mark).filter((t) => t.url === mcpUrl);
  check(withBearer.every((t) => t.status < 400), 'requests with the token were refused', withBearer);
  log(`connected: server ${JSON.stringify(client.getServerVersion())}, protocol ${transport.protocolVersion ?? '?'}`);
  const tools1 = await listAllTools();
  log(`${tools1.size} tools: ${[...tools1].sort().join(', ')}`);
  for (const name of READ_TOOLS) {
    check(tools1.has(name), `read tool ${name} is missing from tools/list with scope "${token1.scope}"`, [...tools1]);
  }
  for (const name of WRITE_TOOLS) {
    check(!tools1.has(name), `write tool ${name} is listed although the token has no write scope`, [...tools1]);
  }
  if (!granted1.has('files:read')) {
    check(![...tools1].some((n) => n.startsWith('nc_files_')), 'files tools are listed without files:read', [...tools1]);
  }
  const notes = await client.callTool({ name: 'nc_notes_list_notes', arguments: {} });
  check(notes.isError !== true && Array.isArray(notes.structuredContent?.notes), 'nc_notes_list_notes with the read token failed', notes);
  log(`nc_notes_list_notes ok: ${notes.structuredContent.notes.length} notes`);

  // -- 4: a write tool with the read token -> 403 insufficient_scope
  step(`call ${WRITE_TOOL} with the read-only token: expect 403 insufficient_scope`);
  const title = `OAuth e2e ${Date.now()}`;
  const content = '# Written by the MCP TypeScript SDK after an OAuth step-up';
  const args = { title, content };
  mark = trace.length;
  let result;
  let stepUpBy;
  let reRegistered = false;
  try {
    result = await client.callTool({ name: WRITE_TOOL, arguments: args });
  } catch (e) {
    result = e;
  }
  const refusal = since(mark).find((t) => t.url === mcpUrl && t.method === 'POST');
  check(refusal, `no POST for ${WRITE_TOOL} was seen`);
  check(refusal.status === 403, `${WRITE_TOOL} with a read-only token got HTTP ${refusal.status}, expected 403`,
    result instanceof Error ? String(result) : result);
  const challenge403 = parseChallenge(refusal.wwwAuthenticate);
  check(challenge403.scheme.toLowerCase() === 'bearer' && challenge403.params.error === 'insufficient_scope',
    'the 403 has no Bearer error="insufficient_scope" challenge', refusal.wwwAuthenticate);
  const needed = scopesOf(challenge403.params.scope);
  check(needed.has(WRITE_SCOPE), `the 403 challenge does not name ${WRITE_SCOPE}`, refusal.wwwAuthenticate);
  check(challenge403.params.resource_metadata, 'the 403 challenge has no resource_metadata', refusal.wwwAuthenticate);
  log(`403 ok: scope="${challenge403.params.scope}" resource_metadata=${challenge403.params.resource_metadata}`);

  // -- 5: step-up
  step('step-up');
  const sdkRetry = since(mark).filter((t) => t.url === mcpUrl && t.method === 'POST');
  const sdkRefreshed = since(mark).some((t) => t.url === asMetadata.token_endpoint && /grant_type=refresh_token/.test(t.requestBody ?? ''));
  if (!(result instanceof Error)) {
    throw new Mismatch(`the SDK got past the 403 without a new authorization: ${JSON.stringify(result)}`);
  } else if (result instanceof UnauthorizedError && provider.authorizations.length === 2) {
    // The SDK started a new authorization by itself (no refresh token): the user has already consented above.
    stepUpBy = 'the SDK (automatic 403 handling, new authorization)';
    log(`the SDK re-authorized by itself with scope "${provider.authorizations[1].scope}"`);
    await transport.finishAuth(provider.takeCode());
  } else {
    check(result instanceof StreamableHTTPError && result.code === 403, `unexpected error after the 403: ${result?.stack ?? result}`);
    log(`the SDK's own 403 handling ${sdkRefreshed ? 'refreshed the token (a refresh cannot add scopes)' : 'did not get a better token'}, `
      + `retried (${sdkRetry.length} POSTs, statuses ${sdkRetry.map((t) => t.status).join(',')}) and gave up: ${result.message}`);
    // The spec's step-up: union of the previously requested/granted scopes and the challenged ones, new authorization.
    const scope = [...new Set([...scopesOf(firstAuthorization.scope), ...needed])].join(' ');
    log(`spec step-up with auth(): scope = previously requested ∪ challenged = "${scope}"`);
    provider.invalidateCredentials('tokens'); // no refresh: a refresh token keeps the old scopes
    const stepUpAuth = async () => {
      const outcome = await auth(provider, {
        serverUrl: new URL(mcpUrl),
        resourceMetadataUrl: new URL(challenge403.params.resource_metadata),
        scope,
        fetchFn: tracedFetch,
      });
      check(outcome === 'REDIRECT', `auth() for the step-up returned ${outcome}, expected REDIRECT (a new authorization)`);
    };
    await stepUpAuth();
    if (provider.authorizations.at(-1).error === 'invalid_scope') {
      // Keycloak lets a dynamically registered client request only the scopes it registered with, and the SDK
      // registered with the 401's scopes. A client may register again: forget the client, auth() does DCR again.
      log(`the AS refused the new scopes for client ${registered.client_id} (registered with "${dcr.json?.scope ?? ''}"): `
        + 're-registering with the union scope');
      provider.invalidateCredentials('client');
      mark = trace.length;
      await stepUpAuth();
      const again = since(mark).find((t) => t.method === 'POST' && t.url === asMetadata.registration_endpoint);
      check(again && (again.status === 201 || again.status === 200), 'the re-registration (DCR) failed', again);
      log(`DCR again: client_id=${provider.clientInformation()?.client_id} registered scope "${again.json?.scope ?? ''}"`);
      reRegistered = true;
    }
    await transport.finishAuth(provider.takeCode());
    stepUpBy = 'the script, per spec: auth() with the union scope after the SDK\'s own 403 handling failed'
      + (reRegistered ? '; the client registered again (DCR) because the AS refused scopes it was not registered with' : '');
  }
  const stepUp = provider.authorizations.at(-1);
  const token2 = describeToken('stepped-up token');
  const granted2 = scopesOf(token2.scope);
  check(granted2.has(WRITE_SCOPE), `the stepped-up token lacks ${WRITE_SCOPE} although the authorization asked for "${stepUp.scope}"`
    + ' (a DCR client may only get the scopes it registered with)', token2.scope);
  for (const s of challengedScopes) {
    check(granted2.has(s), `the stepped-up token lost the earlier scope ${s}`, token2.scope);
  }
  check(audiences(token2).includes(AUDIENCE), `the stepped-up token's aud does not include ${AUDIENCE}`, token2.aud);

  // -- 6: the same call succeeds
  step(`call ${WRITE_TOOL} again with the stepped-up token`);
  const created = await client.callTool({ name: WRITE_TOOL, arguments: args });
  check(created.isError !== true, `${WRITE_TOOL} after step-up returned isError: true`, created);
  const note = created.structuredContent;
  check(note && Number.isInteger(note.id) && note.title === title, `${WRITE_TOOL} returned no structured note with the title`, created);
  log(`${WRITE_TOOL} ok: note ${note.id} "${note.title}"`);
  const tools2 = await listAllTools();
  check(tools2.has(WRITE_TOOL), `${WRITE_TOOL} is not listed with the stepped-up token`, [...tools2]);
  log(`tools/list now has ${tools2.size} tools, including ${WRITE_TOOL}`);
  const deleted = await client.callTool({ name: 'nc_notes_delete_note', arguments: { id: note.id } });
  check(deleted.isError !== true, 'deleting the test note failed', deleted);
  log(`cleaned up note ${note.id}`);

  step('summary');
  log(`401 scope "${challenge401.params.scope}" -> token scope "${token1.scope}" -> 403 scope "${challenge403.params.scope}"`
    + ` -> stepped-up scope "${token2.scope}"`);
  log(`step-up done by ${stepUpBy}`);
}

try {
  await main();
  console.log('\nall checks passed');
  try { await client?.close(); } catch { /* ignore */ }
  process.exit(0);
} catch (e) {
  console.error(`\nFAILED: ${e instanceof Mismatch ? e.message : (e?.stack ?? e)}`);
  try { await client?.close(); } catch { /* ignore */ }
  process.exit(1);
}
