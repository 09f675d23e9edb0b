// End-to-end check of the ncmcp sidecar with the TypeScript SDK v2 client.
// Usage: node client-e2e.mjs <mcp-url> <2026-07-28|2025-11-25>
//   2026-07-28: the client is pinned to that revision (server/discover, modern era)
//   2025-11-25: the plain 2025 initialize handshake (the SDK's default "legacy" mode)
// Exits 0 when every check passed, 1 with a message on the first mismatch.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const [url, version] = process.argv.slice(2);
if (!url || !['2026-07-28', '2025-11-25'].includes(version)) {
  console.error('usage: node client-e2e.mjs <mcp-url> <2026-07-28|2025-11-25>');
  process.exit(2);
}

class Mismatch extends Error {}

function check(condition, message, detail) {
  if (!condition) {
    throw new Mismatch(message + (detail === undefined ? '' : `\n  got: ${JSON.stringify(detail, null, 2)}`));
  }
}

function log(message) {
  console.log(`[${version}] ${message}`);
}

const options = version === '2026-07-28' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {};
const client = new Client({ name: 'ncmcp-e2e', version: '0.1.0' }, options);

/** Calls a tool that must succeed: isError false and an object in structuredContent. */
async function callOk(name, args) {
  const result = await client.callTool({ name, arguments: args });
  check(result.isError !== true, `${name} returned isError: true`, result);
  check(result.structuredContent && typeof result.structuredContent === 'object',
    `${name} returned no structuredContent`, result);
  check(Array.isArray(result.content) && result.content.length > 0, `${name} returned no content blocks`, result);
  log(`${name} ok`);
  return result.structuredContent;
}

/** Picks the first property of a tool's input schema among the candidates (schemas are the server's to name). */
function property(tool, ...candidates) {
  const props = Object.keys(tool.inputSchema?.properties ?? {});
  const found = candidates.find((c) => props.includes(c));
  check(found, `${tool.name}: none of ${candidates.join(', ')} among its input properties`, props);
  return found;
}

async function main() {
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const negotiated = client.getNegotiatedProtocolVersion();
  log(`connected, era ${client.getProtocolEra()}, protocol version ${negotiated}, server ${JSON.stringify(client.getServerVersion())}`);
  check(negotiated === version, `negotiated protocol version ${negotiated}, expected ${version}`);

  // tools/list, following pagination
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  const byName = new Map(tools.map((t) => [t.name, t]));
  log(`${tools.length} tools: ${[...byName.keys()].sort().join(', ')}`);
  const required = [
    'nc_notes_list_notes', 'nc_notes_search_notes', 'nc_notes_get_note', 'nc_notes_create_note',
    'nc_notes_update_note', 'nc_notes_append_to_note', 'nc_notes_delete_note',
    'nc_files_list_directory', 'nc_files_read_file', 'nc_files_write_file',
  ];
  for (const name of required) {
    check(byName.has(name), `tool ${name} is missing from tools/list`);
    const tool = byName.get(name);
    check(tool.description && tool.inputSchema?.type === 'object', `tool ${name} lacks description or object inputSchema`, tool);
  }

  // Notes
  const list = await callOk('nc_notes_list_notes', {});
  check(Array.isArray(list.notes), 'nc_notes_list_notes: structuredContent.notes is not an array', list);
  log(`demo user has ${list.notes.length} notes`);

  const title = `E2E ${version} ${Date.now()}`;
  const content = `# Written by the TypeScript SDK v2 client\n\nProtocol ${version}.`;
  const created = await callOk('nc_notes_create_note', { title, content });
  check(Number.isInteger(created.id), 'nc_notes_create_note: no integer id', created);
  check(created.title === title, 'nc_notes_create_note: title differs', created);

  const fetched = await callOk('nc_notes_get_note', { id: created.id });
  check(fetched.id === created.id && fetched.content === content,
    'nc_notes_get_note: does not return the created note and its content', fetched);

  const listedAgain = await callOk('nc_notes_list_notes', {});
  check(listedAgain.notes.some((n) => n.id === created.id), 'nc_notes_list_notes: the new note is not listed', listedAgain);

  // Files
  const dir = await callOk('nc_files_list_directory', { path: '/' });
  const entries = dir.entries ?? dir.items ?? dir.files;
  check(Array.isArray(entries), 'nc_files_list_directory: no array of entries in structuredContent', dir);
  log(`/ has ${entries.length} entries`);

  const writeTool = byName.get('nc_files_write_file');
  const pathKey = property(writeTool, 'path');
  const contentKey = property(writeTool, 'content', 'text', 'data');
  const path = `/e2e-${version}-${Date.now()}.txt`;
  const text = `Hello from the ${version} e2e test ✓\n`;
  await callOk('nc_files_write_file', { [pathKey]: path, [contentKey]: text });
  const read = await callOk('nc_files_read_file', { path });
  const readText = read.text ?? read.content;
  check(readText === text, 'nc_files_read_file: content differs from what was written', read);

  // An invalid argument is a tool error the model sees (isError: true), not a protocol error.
  const invalid = await client.callTool({ name: 'nc_notes_get_note', arguments: { id: 'not-a-number' } });
  check(invalid.isError === true, 'nc_notes_get_note with id "not-a-number": expected isError: true', invalid);
  check(Array.isArray(invalid.content) && invalid.content.some((c) => c.type === 'text' && c.text),
    'invalid-argument error has no text explaining it', invalid);
  log('invalid argument gives isError: true');

  // Clean up what this run created.
  await callOk('nc_notes_delete_note', { id: created.id });
  if (byName.has('nc_files_delete')) {
    await client.callTool({ name: 'nc_files_delete', arguments: { path } });
  }
}

try {
  await main();
  log('all checks passed');
  await client.close();
  process.exit(0);
} catch (e) {
  console.error(`[${version}] FAILED: ${e instanceof Mismatch ? e.message : (e?.stack ?? e)}`);
  try { await client.close(); } catch { /* ignore */ }
  process.exit(1);
}
