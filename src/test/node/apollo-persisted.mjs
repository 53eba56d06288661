// Apollo Client with its persisted-queries link, as an application sets it up, against the
// service: node apollo-persisted.mjs URL TOKEN DOCUMENT [VARIABLES]
// Runs the query twice, each time with a new client (no cache of its own), and prints one JSON line
// per HTTP request the link made ({method, status, hashOnly}) and then {data} of each run.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { createHash } from 'node:crypto';

const [url, token, document, variables = '{}'] = process.argv.slice(2);

function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

async function recordingFetch(input, init = {}) {
  const response = await fetch(input, init);
  const method = init.method ?? 'GET';
  const sent = method === 'GET' ? Object.fromEntries(new URL(input).searchParams) : JSON.parse(init.body);
  console.log(JSON.stringify({ request: { method, status: response.status, hashOnly: !sent.query } }));
  return response;
}

for (let run = 0; run < 2; run++) {
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
      new HttpLink({ uri: url, fetch: recordingFetch, headers: { authorization: `Bearer ${token}` } })),
  });
  const result = await client.query({ query: gql(document), variables: JSON.parse(variables), fetchPolicy: 'no-cache' });
  console.log(JSON.stringify({ data: result.data, error: result.error?.message }));
}
