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
// The HTTP trace, the user at the browser (cookie jar, form driving) and the provider come from oauth-kit.mjs.
// Exits 0 when every check passed, 1 with a message on the first deviation, 2 on bad usage.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import {
  audiences, check, decodeJwt, httpTrace, InMemoryOAuthProvider, log, Mismatch, parseChallenge, randomRedirectUrl, run,
  scopesOf, step,
} from './oauth-kit.mjs';

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

const { trace, tracedFetch, since } = httpTrace(mcpUrl);
const redirectUrl = randomRedirectUrl();
const provider = new InMemoryOAuthProvider({
  redirectUrl, clientName: 'ncmcp OAuth e2e (TypeScript SDK)', username, password,
});
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

await run(main, () => client);
