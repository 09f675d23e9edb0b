// End-to-end check of the ncmcp authorization-server facade with the MCP TypeScript SDK client
// (@modelcontextprotocol/sdk 1.x) pointed ONLY at the sidecar; Keycloak stays behind it.
// Usage: node facade-e2e.mjs <mcp-url> <username> <password> <keycloak-issuer>
//
// 401 -> PRM names the sidecar as authorization server -> the sidecar's RFC 8414 metadata -> DCR at the sidecar ->
// authorization request (PKCE S256) at the sidecar -> the sidecar's consent page -> Keycloak login -> the sidecar's
// callback -> the sidecar's one-time code (with iss) -> token at the sidecar -> tools/list and a tool call ->
// refresh_token grant at the sidecar (rotation: the old refresh token is refused) -> a call with the refreshed token.
// The HTTP trace, the user at the browser (cookie jar, form driving) and the provider come from oauth-kit.mjs.
// Exits 0 when every check passed, 1 with a message on the first deviation, 2 on bad usage.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import {
  audiences, check, decodeJwt, httpTrace, InMemoryOAuthProvider, log, Mismatch, randomRedirectUrl, run, step,
} from './oauth-kit.mjs';

const [mcpUrl, username, password, keycloakIssuer] = process.argv.slice(2);
if (!mcpUrl || !username || !password || !keycloakIssuer) {
  console.error('usage: node facade-e2e.mjs <mcp-url> <username> <password> <keycloak-issuer>');
  process.exit(2);
}
const SIDECAR = new URL(mcpUrl).origin;
const AUDIENCE = 'mcp-sidecar';

const { trace, tracedFetch, since } = httpTrace(mcpUrl);
const redirectUrl = randomRedirectUrl();
const provider = new InMemoryOAuthProvider({
  redirectUrl, clientName: 'ncmcp facade e2e (TypeScript SDK)', username, password, sidecarOrigin: SIDECAR,
});
let client;
let transport;

async function connect() {
  client = new Client({ name: 'ncmcp-facade-e2e', version: '0.1.0' });
  transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider, fetch: tracedFetch });
  await client.connect(transport);
}

async function listNotes(label) {
  const names = new Set();
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    page.tools.forEach((t) => names.add(t.name));
    cursor = page.nextCursor;
  } while (cursor);
  check(names.has('nc_notes_list_notes'), `${label}: nc_notes_list_notes is not listed`, [...names]);
  const notes = await client.callTool({ name: 'nc_notes_list_notes', arguments: {} });
  check(notes.isError !== true && Array.isArray(notes.structuredContent?.notes), `${label}: nc_notes_list_notes failed`, notes);
  log(`${label}: ${names.size} tools; nc_notes_list_notes ok (${notes.structuredContent.notes.length} notes)`);
}

async function main() {
  log(`MCP server: ${mcpUrl}; Keycloak behind it: ${keycloakIssuer}; redirect URI ${redirectUrl}`);

  step('connect without a token: 401 -> PRM -> facade metadata -> DCR at the sidecar -> authorize at the sidecar');
  let mark = trace.length;
  try {
    await connect();
    throw new Mismatch('connecting without a token succeeded');
  } catch (e) {
    if (e instanceof Mismatch) throw e;
    check(e instanceof UnauthorizedError, `expected the SDK's UnauthorizedError, got ${e?.stack ?? e}`);
  }
  const first = since(mark);
  check(first[0]?.status === 401, 'the first request did not get 401', first[0]);
  const prmCall = first.find((t) => t.url.includes('/.well-known/oauth-protected-resource') && t.status === 200);
  check(prmCall?.json, 'the SDK did not read the PRM', first);
  check(JSON.stringify(prmCall.json.authorization_servers) === JSON.stringify([SIDECAR]),
    `the PRM does not name the sidecar ${SIDECAR} as the only authorization server`, prmCall.json);
  log(`PRM: authorization_servers=${JSON.stringify(prmCall.json.authorization_servers)}`);
  const as = provider.discoveryState()?.authorizationServerMetadata;
  check(as?.issuer === SIDECAR, 'the AS metadata the SDK found is not the sidecar\'s', as);
  check(as.code_challenge_methods_supported?.includes('S256'), 'the facade metadata lacks S256', as);
  check(as.authorization_response_iss_parameter_supported === true, 'the facade metadata lacks the iss parameter flag', as);
  check(as.registration_endpoint === `${SIDECAR}/oauth/register`, 'unexpected registration endpoint', as);
  const everyUrl = first.map((t) => t.url);
  check(everyUrl.every((u) => u.startsWith(SIDECAR)), 'the SDK talked to something other than the sidecar', everyUrl);
  const dcr = first.find((t) => t.method === 'POST' && t.url === as.registration_endpoint);
  check(dcr?.status === 201, 'DCR at the sidecar failed', dcr);
  log(`DCR at the sidecar ok: client_id=${provider.clientInformation()?.client_id}`);
  const authorization = provider.authorizations[0];
  check(authorization, 'the SDK did not send the user to the authorization endpoint');
  check(authorization.url.origin === SIDECAR, `the authorization request went to ${authorization.url.origin}`);
  check(authorization.sawSidecarConsent, 'the sidecar consent page was not shown');
  check(authorization.sawLogin, 'the Keycloak login form was not shown');
  check(authorization.iss === SIDECAR, `the authorization response iss is ${authorization.iss}, expected ${SIDECAR}`);

  step('finishAuth(code): token request at the sidecar');
  mark = trace.length;
  await transport.finishAuth(provider.takeCode());
  const tokenCall = since(mark).find((t) => t.url === as.token_endpoint);
  check(tokenCall?.status === 200, 'the token request at the sidecar failed', tokenCall);
  const tokens1 = provider.tokens();
  const payload = decodeJwt(tokens1.access_token);
  log(`access token: iss=${payload.iss} aud=${JSON.stringify(payload.aud)} scope="${payload.scope}" user=${payload.preferred_username}`);
  check(payload.iss === keycloakIssuer, 'the access token was not issued by Keycloak', payload.iss);
  check(audiences(payload).includes(AUDIENCE), `the access token's aud lacks ${AUDIENCE}`, payload.aud);
  check(tokens1.refresh_token && tokens1.refresh_token.split('.').length !== 3,
    'the client should get the sidecar\'s opaque refresh token, not Keycloak\'s JWT', tokens1.refresh_token);

  step('tools with the token');
  await connect();
  await listNotes('first token');

  step('refresh_token grant at the sidecar (through the SDK)');
  const oldRefresh = tokens1.refresh_token;
  mark = trace.length;
  const outcome = await auth(provider, { serverUrl: new URL(mcpUrl), fetchFn: tracedFetch });
  check(outcome === 'AUTHORIZED', `auth() with a refresh token returned ${outcome}`);
  const refreshCall = since(mark).find((t) => t.url === as.token_endpoint && /grant_type=refresh_token/.test(t.requestBody ?? ''));
  check(refreshCall?.status === 200, 'the SDK did not refresh at the sidecar', since(mark));
  const tokens2 = provider.tokens();
  check(tokens2.access_token !== tokens1.access_token, 'the refresh returned the same access token');
  check(tokens2.refresh_token && tokens2.refresh_token !== oldRefresh, 'the refresh token was not rotated');
  const replay = await fetch(as.token_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: oldRefresh,
      client_id: provider.clientInformation().client_id }).toString(),
  });
  const replayBody = await replay.json();
  check(replay.status === 400 && replayBody.error === 'invalid_grant', 'the used refresh token was accepted again', replayBody);
  log('rotation ok: the old refresh token is refused with invalid_grant');

  step('tools with the refreshed token');
  await connect();
  await listNotes('refreshed token');
}

await run(main, () => client);
