#!/usr/bin/env node
// Prints the current authenticator code (RFC 6238: HMAC-SHA1, 30 s, 6 digits) of an otpauth:// URI or a
// base32 secret, for trying the demo's professional and operator sign-ins without a phone.
//   node tools/totp.mjs 'otpauth://totp/Carnet:810101234564?secret=…'
import { createHmac } from 'node:crypto';

const input = process.argv[2];
if (!input) {
  console.error("usage: node tools/totp.mjs <otpauth:// URI or base32 secret> (see data/demo/sign-ins.txt)");
  process.exit(2);
}
const base32 = input.startsWith('otpauth://') ? new URL(input).searchParams.get('secret') : input;
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
let bits = '';
for (const c of base32.replace(/=+$/, '').toUpperCase()) {
  const value = alphabet.indexOf(c);
  if (value < 0) { console.error(`not a base32 secret: unexpected '${c}'`); process.exit(2); }
  bits += value.toString(2).padStart(5, '0');
}
const secret = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
const counter = Buffer.alloc(8);
counter.writeBigInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
const hash = createHmac('sha1', secret).update(counter).digest();
const offset = hash[hash.length - 1] & 0x0f;
const code = (hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
const left = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${String(code).padStart(6, '0')}  (valid ${left} more second(s))`);
