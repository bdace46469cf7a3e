// Calling Carnet as an establishment's software, with no dependency (Node 18 or later): the demo
// settings and key written by the demo seed, the signed JWTs (RFC 7515 compact JWS) and the token
// request. Used by tools/lab-call.mjs and tools/fhir/mhd-client.mjs.
//
// Reads <dir>/lab-client.json and the private JWK it names; dir is CARNET_DEMO_DIR or data/demo.
// CARNET_URL replaces the address Carnet was seeded with (lab-client.json's carnet_url), in every
// URL that starts with it; the audiences stay as seeded, since Carnet checks them.
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function fail(message) {
  console.error(message);
  process.exit(1);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`Cannot read ${path} (${error.code ?? error.message}). Start Carnet in Development once (it seeds the demo and writes this file), or set CARNET_DEMO_DIR.`);
  }
}

const withoutTrailingSlash = (url) => url.replace(/\/+$/, '');

/**
 * The demo establishment: { lab (lab-client.json), jwk, key, base (Carnet's address), apiBase }.
 */
export function loadEstablishment(dir = process.env.CARNET_DEMO_DIR ?? 'data/demo') {
  const lab = readJson(join(dir, 'lab-client.json'));
  const jwk = readJson(join(dir, lab.private_key_file));
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  const seeded = withoutTrailingSlash(lab.carnet_url);
  const base = withoutTrailingSlash(process.env.CARNET_URL ?? lab.carnet_url);
  const rebase = (url) => (url.startsWith(seeded) ? base + url.slice(seeded.length) : url);
  const apiBase = withoutTrailingSlash(rebase(lab.api_base ?? `${seeded}/api`));
  return { lab, jwk, key, base, apiBase };
}

export const base64url = (data) => Buffer.from(data).toString('base64url');

/**
 * A compact JWS (RFC 7515 §7.1): { token, header }. ES256 signatures are r‖s, 64 bytes (RFC 7518
 * §3.4), not DER: hence dsaEncoding 'ieee-p1363'. An RSA key signs RS256 with the same call.
 */
export function signJwt({ jwk, key }, payload) {
  const alg = jwk.kty === 'RSA' ? 'RS256' : 'ES256';
  const header = { alg, typ: 'JWT', kid: jwk.kid };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return { token: `${input}.${base64url(signature)}`, header };
}

/** The claims of a client assertion (RFC 7523 §3): two minutes, for the token endpoint. */
export function clientAssertionClaims({ lab }, now = Math.floor(Date.now() / 1000)) {
  return {
    iss: lab.client_id,
    sub: lab.client_id,
    aud: lab.token_audience,
    iat: now,
    exp: now + 120,
    jti: randomUUID(),
  };
}

/** POST /oauth/token with grant_type=client_credentials and the signed client assertion: the fetch Response. */
export function requestToken({ base }, clientAssertion) {
  return fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion,
    }),
  });
}

/** The claims of the acting-professional assertion naming lab-client.json's professional, for five minutes. */
export function actingProfessionalClaims({ lab }, mode = 'normal', now = Math.floor(Date.now() / 1000), reason = undefined) {
  const professional = lab.acting_professional;
  return {
    iss: lab.client_id,
    aud: lab.api_audience,
    iat: now,
    exp: now + 300,
    sub: professional.id_nat_ps,
    name: professional.name,
    profession: professional.profession,
    specialty: professional.specialty,
    access_mode: mode,
    ...(mode === 'normal' ? {} : { access_reason: reason ?? 'Demo: emergency access' }),
  };
}
