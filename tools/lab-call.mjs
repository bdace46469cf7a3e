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
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.CARNET_DEMO_DIR ?? 'data/demo';
const mode = process.argv[2] ?? 'normal';
const lab = readJson(join(dir, 'lab-client.json'));
const jwk = readJson(join(dir, lab.private_key_file));
const key = createPrivateKey({ key: jwk, format: 'jwk' });
const base = (process.env.CARNET_URL ?? lab.carnet_url).replace(/\/+$/, '');

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`Cannot read ${path} (${error.code ?? error.message}). Start Carnet in Development once (it seeds the demo and writes this file), or set CARNET_DEMO_DIR.`);
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const base64url = (data) => Buffer.from(data).toString('base64url');

// A compact JWS (RFC 7515 §7.1). ES256 signatures are r‖s, 64 bytes (RFC 7518 §3.4), not DER:
// hence dsaEncoding 'ieee-p1363'. An RSA key signs RS256 with the same call.
function jwt(payload) {
  const alg = jwk.kty === 'RSA' ? 'RS256' : 'ES256';
  const header = { alg, typ: 'JWT', kid: jwk.kid };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  console.log(`   header  ${JSON.stringify(header)}`);
  console.log(`   payload ${JSON.stringify(payload, null, 2).replace(/\n/g, '\n   ')}`);
  return `${input}.${base64url(signature)}`;
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
const clientAssertion = jwt({
  iss: lab.client_id,
  sub: lab.client_id,
  aud: lab.token_audience,
  iat: now,
  exp: now + 120,
  jti: randomUUID(),
});

console.log(`\n2. POST ${base}/oauth/token (grant_type=client_credentials, private_key_jwt)`);
const token = await answer(await fetch(`${base}/oauth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: clientAssertion,
  }),
}));
console.log(`   access_token ${short(token.access_token)}, token_type ${token.token_type}, expires_in ${token.expires_in} s`);

const professional = lab.acting_professional;
console.log(`\n3. ${lab.acting_professional_header} assertion: ${professional.name} (idNat_PS ${professional.id_nat_ps}), access mode ${mode}`);
const acting = jwt({
  iss: lab.client_id,
  aud: lab.api_audience,
  iat: now,
  exp: now + 300,
  sub: professional.id_nat_ps,
  name: professional.name,
  profession: professional.profession,
  specialty: professional.specialty,
  access_mode: mode,
  ...(mode === 'normal' ? {} : { access_reason: 'Demo: emergency access from tools/lab-call.mjs' }),
});

console.log(`\n4. GET ${base}/api/caller`);
const caller = await answer(await fetch(`${base}/api/caller`, {
  headers: {
    authorization: `Bearer ${token.access_token}`,
    [lab.acting_professional_header]: acting,
  },
}));
console.log(`   ${JSON.stringify(caller, null, 2).replace(/\n/g, '\n   ')}`);
