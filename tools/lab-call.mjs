#!/usr/bin/env node
// Calls Carnet as the demo laboratory's software, with no dependency (Node 18 or later):
//   1. signs a client assertion (RFC 7523) with the lab's private key,
//   2. exchanges it for an access token at POST /oauth/token (OAuth 2.0 client credentials),
//   3. signs an acting-professional assertion naming the lab's biologist,
//   4. calls GET /api/caller with both, and prints who Carnet thinks is calling.
//
//   node tools/lab-call.mjs [normal|bris_de_glace|centre_15]
//
// Reads data/demo/lab-client.json and the private JWK it names (written by the demo seed); set
// CARNET_DEMO_DIR to read them elsewhere and CARNET_URL when Carnet listens at another address.
// Tokens and signatures are never printed whole: they are credentials.
// The signing and the token request are tools/lib/establishment.mjs, shared with tools/fhir.
import {
  actingProfessionalClaims,
  clientAssertionClaims,
  fail,
  loadEstablishment,
  requestToken,
  signJwt,
} from './lib/establishment.mjs';

const mode = process.argv[2] ?? 'normal';
const establishment = loadEstablishment();
const { lab, jwk, base } = establishment;

// Prints what it signs: the header and the claims, never the signature.
function jwt(payload) {
  const { token, header } = signJwt(establishment, payload);
  console.log(`   header  ${JSON.stringify(header)}`);
  console.log(`   payload ${JSON.stringify(payload, null, 2).replace(/\n/g, '\n   ')}`);
  return token;
}

const short = (token) => `${token.slice(0, 24)}… (${token.length} characters)`;

async function answer(response) {
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  console.log(`   → ${response.status} ${response.statusText}`);
  if (!response.ok) {
    console.log(`   ${JSON.stringify(body, null, 2).replace(/\n/g, '\n   ')}`);
    const challenge = response.headers.get('www-authenticate');
    fail(challenge ? `   WWW-Authenticate: ${challenge}` : '   Refused: see the error above.');
  }
  return body;
}

const now = Math.floor(Date.now() / 1000);

console.log(`1. Client assertion for ${lab.client_id}, signed with key "${jwk.kid}"`);
const clientAssertion = jwt(clientAssertionClaims(establishment, now));

console.log(`\n2. POST ${base}/oauth/token (grant_type=client_credentials, private_key_jwt)`);
const token = await answer(await requestToken(establishment, clientAssertion));
console.log(`   access_token ${short(token.access_token)}, token_type ${token.token_type}, expires_in ${token.expires_in} s`);

const professional = lab.acting_professional;
console.log(`\n3. ${lab.acting_professional_header} assertion: ${professional.name} (idNat_PS ${professional.id_nat_ps}), access mode ${mode}`);
const acting = jwt(actingProfessionalClaims(establishment, mode, now, 'Demo: emergency access from tools/lab-call.mjs'));

console.log(`\n4. GET ${base}/api/caller`);
const caller = await answer(await fetch(`${base}/api/caller`, {
  headers: {
    authorization: `Bearer ${token.access_token}`,
    [lab.acting_professional_header]: acting,
  },
}));
console.log(`   ${JSON.stringify(caller, null, 2).replace(/\n/g, '\n   ')}`);
