// graphql-http's GraphQL-over-HTTP audits against the service: node http-audit.mjs URL TOKEN
// Prints one JSON line per audit: {id, name, status, reason}.
import { serverAudits } from 'graphql-http';

const [url, token] = process.argv.slice(2);

function fetchWithToken(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

for (const audit of serverAudits({ url, fetchFn: fetchWithToken })) {
  const result = await audit.fn();
  console.log(JSON.stringify({ id: audit.id, name: audit.name, status: result.status,
    reason: result.status === 'ok' ? undefined : result.reason }));
}
