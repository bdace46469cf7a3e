#!/usr/bin/env node
// Drives Carnet's FHIR R4 / IHE MHD façade end to end as a laboratory's software would, and checks
// every answer: one line per step ("ok  …" or "FAIL  …: what went wrong; expected …"), exit code 0
// only when every check passed.
//
//   tools/fhir/install.sh
//   node tools/fhir/mhd-client.mjs [--out <dir>] [--patient <system>|<value>]
//
// Like tools/lab-call.mjs it reads data/demo/lab-client.json and the lab's private key (CARNET_DEMO_DIR
// to read them elsewhere, CARNET_URL when Carnet listens at another address) and authenticates
// with a client assertion, a bearer token and the Carnet-Acting-Professional assertion. The patient
// is lab-client.json's demo_patient (an INS) unless --patient names another.
//
// The steps: GET metadata; the token; ITI-65 with an inline PDF; a raw Binary POST and an ITI-65
// that points at it; the first bundle retried (same Idempotency-Key, then none: same
// masterIdentifier) gives back the same DocumentReference; a replacing version (relatesTo replaces)
// supersedes the first; ITI-67 one document a page, following `next`; a read; ITI-68 (bytes,
// Content-Type, ETag, a Range); a bundle without subject answered by an OperationOutcome. Every
// resource Carnet returned is saved in --out (default: a new temporary folder) and checked by
// validators.mjs (npm fhir and the R4 JSON schema), with the bundles this script sent.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'fhir-kit-client';
import {
  actingProfessionalClaims,
  clientAssertionClaims,
  fail,
  loadEstablishment,
  requestToken,
  signJwt,
} from '../lib/establishment.mjs';
import { validateResource } from './validators.mjs';

const FHIR_JSON = 'application/fhir+json';
const MHD = 'https://profiles.ihe.net/ITI/MHD/StructureDefinition';
const RPPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
const CLASS_CODES = 'https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument';
const LAB_REPORT = { system: 'http://loinc.org', code: '11502-2', display: "CR d'examens biologiques" };

// ---------------------------------------------------------------------------------------------
// Arguments and settings

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? fail(`${name} needs a value.`);
    if (name === '--out') {
      options.out = value();
    } else if (name === '--patient') {
      options.patient = value();
    } else if (name === '--help' || name === '-h') {
      console.log('Usage: node tools/fhir/mhd-client.mjs [--out <dir>] [--patient <system>|<value>]');
      process.exit(0);
    } else {
      fail(`Unknown argument ${argv[i]}. Usage: node tools/fhir/mhd-client.mjs [--out <dir>] [--patient <system>|<value>]`);
    }
  }

  return options;
}

function patientOf(option, lab) {
  if (option) {
    const [system, value] = option.split('|');
    if (!system || !value) {
      fail(`--patient ${option}: expected <system>|<value>, e.g. urn:oid:1.2.250.1.213.1.4.8|<NIR>.`);
    }

    return { system, value };
  }

  if (!lab.demo_patient?.system || !lab.demo_patient?.value) {
    fail('lab-client.json has no demo_patient {system, value}: reseed the demo with a Carnet that writes it, or pass --patient <system>|<value>.');
  }

  return { system: lab.demo_patient.system, value: lab.demo_patient.value };
}

const options = parseArguments(process.argv.slice(2));
const establishment = loadEstablishment();
const { lab } = establishment;
const patient = patientOf(options.patient, lab);
const fhirBase = `${establishment.base}/fhir/r4`;
const out = options.out ?? mkdtempSync(join(tmpdir(), 'carnet-mhd-'));
mkdirSync(join(out, 'sent'), { recursive: true });
const author = { system: RPPS_SYSTEM, value: lab.acting_professional.id_nat_ps };

// ---------------------------------------------------------------------------------------------
// Steps: each prints one line; a step whose inputs are missing (an earlier step failed) is skipped.

class CheckFailed extends Error {}
let passed = 0;
let failed = 0;
let skipped = 0;

function check(condition, message) {
  if (!condition) {
    throw new CheckFailed(message);
  }
}

// run(keep) returns { detail } for the line; keep(value) hands a value (ids, a resource) to later
// steps as soon as it exists, so that one failed check does not hide the steps after it.
async function step(name, needs, run) {
  const missing = Object.entries(needs).filter(([, value]) => value === undefined).map(([what]) => what);
  if (missing.length > 0) {
    skipped++;
    console.log(`skip  ${name}: needs ${missing.join(', ')} from an earlier step`);
    return undefined;
  }

  let kept;
  try {
    const { detail } = await run((value) => {
      kept = value;
    });
    passed++;
    console.log(`ok  ${name}${detail ? ` → ${detail}` : ''}`);
  } catch (error) {
    failed++;
    console.log(`FAIL  ${name}: ${describe(error)}`);
  }

  return kept;
}

// What went wrong, in words: a failed check, Carnet's refusal (with its OperationOutcome), or the network.
function describe(error) {
  if (error instanceof CheckFailed) {
    return error.message;
  }

  if (error?.response?.status) {
    const { status, data } = error.response;
    const url = error.config?.url ?? '';
    return `${error.config?.method ?? ''} ${url} answered HTTP ${status}${outcomeText(data)}`;
  }

  const cause = error?.cause?.code ?? error?.code;
  if (cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'UND_ERR_CONNECT_TIMEOUT') {
    return `cannot reach Carnet at ${establishment.base} (${cause}): is it running? Set CARNET_URL to its address.`;
  }

  return error?.stack ?? String(error);
}

function outcomeText(data) {
  if (data?.resourceType !== 'OperationOutcome') {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    return text && text !== '{}' ? `: ${text.slice(0, 300)}` : '';
  }

  return `: ${(data.issue ?? []).map((issue) => `${issue.severity} ${issue.code}: ${issue.diagnostics ?? issue.details?.text ?? ''}`.trim()).join('; ')}`;
}

// Saves what Carnet answered, when it is a FHIR resource (a non-FHIR body fails its step instead).
const saved = [];
function save(name, resource, folder = out) {
  if (typeof resource?.resourceType !== 'string') {
    return;
  }

  const file = join(folder, `${String(saved.length + 1).padStart(2, '0')}-${name}.json`);
  writeFileSync(file, `${JSON.stringify(resource, null, 2)}\n`);
  saved.push(file);
}

// ---------------------------------------------------------------------------------------------
// Documents and bundles

/** A small valid PDF 1.4 (one page, one line of Helvetica), xref offsets computed. ASCII text only. */
function makePdf(text) {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 14 Tf 56 780 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((body, index) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A unique OID from a UUID (ITU-T X.667: 2.25.<the UUID as an integer>). */
const uniqueOid = () => `urn:oid:2.25.${BigInt(`0x${randomUUID().replace(/-/g, '')}`)}`;
// The SubmissionSet's sourceId names the sending system, the same on every run: an OID of the same
// form made from the first 128 bits of the SHA-256 of the client id.
const sourceId = `urn:oid:2.25.${BigInt(`0x${createHash('sha256').update(lab.client_id).digest('hex').slice(0, 32)}`)}`;
const sha256Hex = (bytes) => createHash('sha256').update(bytes).digest('hex');
const nowInstant = () => new Date().toISOString();

/**
 * An ITI-65 transaction: the SubmissionSet List, one DocumentReference, and the Binary inline
 * (attachment.url = its urn:uuid) unless `binaryUrl` points at a Binary posted before.
 */
function provideBundle({ pdf, title, binaryUrl, replaces, subject = { identifier: patient } }) {
  const submissionSet = `urn:uuid:${randomUUID()}`;
  const documentReference = `urn:uuid:${randomUUID()}`;
  const binary = binaryUrl ? undefined : `urn:uuid:${randomUUID()}`;
  const created = nowInstant();
  const entry = [
    {
      fullUrl: submissionSet,
      resource: {
        resourceType: 'List',
        meta: { profile: [`${MHD}/IHE.MHD.Comprehensive.SubmissionSet`] },
        extension: [{ url: `${MHD}/ihe-sourceId`, valueIdentifier: { value: sourceId } }],
        identifier: [
          { use: 'usual', system: 'urn:ietf:rfc:3986', value: uniqueOid() },
          { use: 'official', system: 'urn:ietf:rfc:3986', value: submissionSet },
        ],
        status: 'current',
        mode: 'working',
        code: { coding: [{ system: 'https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes', code: 'submissionset' }] },
        ...(subject ? { subject } : {}),
        date: created,
        source: { identifier: author },
        entry: [{ item: { reference: documentReference } }],
      },
      request: { method: 'POST', url: 'List' },
    },
    {
      fullUrl: documentReference,
      resource: {
        resourceType: 'DocumentReference',
        meta: { profile: [`${MHD}/IHE.MHD.Comprehensive.DocumentReference`] },
        masterIdentifier: { system: 'urn:ietf:rfc:3986', value: uniqueOid() },
        identifier: [{ use: 'official', system: 'urn:ietf:rfc:3986', value: documentReference }],
        status: 'current',
        type: { coding: [LAB_REPORT] },
        category: [{ coding: [{ system: CLASS_CODES, code: '10', display: 'Compte rendu' }] }],
        ...(subject ? { subject } : {}),
        date: created,
        author: [{ identifier: author, display: lab.acting_professional.name }],
        securityLabel: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N', display: 'normal' }] }],
        ...(replaces ? { relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${replaces}` } }] } : {}),
        content: [{
          attachment: {
            contentType: 'application/pdf',
            language: 'fr-FR',
            url: binaryUrl ?? binary,
            size: pdf.length,
            hash: createHash('sha1').update(pdf).digest('base64'),
            title,
            creation: created,
          },
          format: { system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode', code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient', display: 'mimeType Sufficient' },
        }],
      },
      request: { method: 'POST', url: 'DocumentReference' },
    },
  ];
  if (binary) {
    entry.push({
      fullUrl: binary,
      resource: { resourceType: 'Binary', contentType: 'application/pdf', data: pdf.toString('base64') },
      request: { method: 'POST', url: 'Binary' },
    });
  }

  return {
    resourceType: 'Bundle',
    meta: { profile: [`${MHD}/IHE.MHD.Comprehensive.ProvideBundle`] },
    type: 'transaction',
    entry,
  };
}

const idPattern = (type) => new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`);

/** The ids a transaction-response gives, by resource type of the request entry at the same place. */
function idsOf(request, response) {
  const ids = {};
  (response?.entry ?? []).forEach((entry, index) => {
    const type = request.entry[index]?.resource.resourceType;
    const id = type && idPattern(type).exec(entry.response?.location ?? '')?.[1];
    if (id) {
      ids[type] = id;
    }
  });
  return ids;
}

/** Checks a transaction-response entry by entry against the request (FHIR R4 http.html#transaction-response). */
function checkProvided(request, response, expectedStatus) {
  const expected = expectedStatus === '201' ? '"201 Created"' : '"201 Created" or "200 OK"';
  const pattern = expectedStatus === '201' ? /^201\b/ : /^20[01]\b/;
  check(response?.resourceType === 'Bundle' && response.type === 'transaction-response',
    `expected a Bundle of type transaction-response, got ${response?.resourceType} of type ${response?.type}`);
  const httpStatus = Client.httpFor(response).response?.status;
  check(httpStatus === 200, `expected HTTP 200 for the transaction (FHIR R4 http.html#transaction-response), got ${httpStatus}`);
  check(response.entry?.length === request.entry.length,
    `expected ${request.entry.length} response entries, one per entry sent and in the same order, got ${response.entry?.length ?? 0}`);
  response.entry.forEach((entry, index) => {
    const type = request.entry[index].resource.resourceType;
    const status = entry.response?.status ?? '';
    check(pattern.test(status), `entry ${index} (${type}): expected response.status ${expected}, got "${status}"`);
    const location = entry.response?.location ?? '';
    check(idPattern(type).test(location), `entry ${index}: expected response.location ${type}/<id>, got "${location}"`);
  });
}

/**
 * ITI-65: sends the bundle (saved once, under sent/) and saves the answer; hands its ids to keep as
 * soon as a DocumentReference id is there, then checks the answer entry by entry.
 */
const savedBundles = new WeakSet();
async function provide(name, bundle, expectedStatus, { keep, idempotencyKey } = {}) {
  if (!savedBundles.has(bundle)) {
    savedBundles.add(bundle);
    save(`sent-${name}`, bundle, join(out, 'sent'));
  }

  const headers = idempotencyKey ? { 'idempotency-key': idempotencyKey } : {};
  const response = await client.transaction({ body: bundle, options: { headers } });
  save(`${name}-transaction-response`, response);
  const ids = idsOf(bundle, response);
  if (ids.DocumentReference) {
    keep?.(ids);
  }

  checkProvided(bundle, response, expectedStatus);
  return { ids, response };
}

// ---------------------------------------------------------------------------------------------
// The scenario

const client = new Client({ baseUrl: fhirBase });
let authorization;
let acting;
const sent = {};

await step('metadata (CapabilityStatement)', {}, async () => {
  const statement = await client.capabilityStatement();
  save('metadata-CapabilityStatement', statement);
  check(statement.resourceType === 'CapabilityStatement', `expected a CapabilityStatement, got ${statement.resourceType}`);
  check(/^4\.0\./.test(statement.fhirVersion ?? ''), `expected fhirVersion 4.0.1 (R4), got ${statement.fhirVersion}`);
  const documentReference = statement.rest?.flatMap((rest) => rest.resource ?? []).find((resource) => resource.type === 'DocumentReference');
  check(documentReference?.interaction?.some((interaction) => interaction.code === 'search-type'),
    'expected rest.resource DocumentReference with the search-type interaction (ITI-67)');
  return { detail: `FHIR ${statement.fhirVersion}, ${statement.rest?.[0]?.resource?.map((resource) => resource.type).join(', ')}` };
});

const token = await step('token (client assertion → POST /oauth/token)', {}, async (keep) => {
  const now = Math.floor(Date.now() / 1000);
  const response = await requestToken(establishment, signJwt(establishment, clientAssertionClaims(establishment, now)).token);
  const body = await response.json().catch(() => undefined);
  check(response.status === 200 && body?.access_token, `expected 200 with an access_token from ${establishment.base}/oauth/token, got ${response.status} ${JSON.stringify(body)}`);
  keep(body.access_token);
  acting = signJwt(establishment, actingProfessionalClaims(establishment, 'normal', now)).token;
  client.bearerToken = body.access_token;
  client.customHeaders = { [lab.acting_professional_header]: acting };
  authorization = { authorization: `Bearer ${body.access_token}`, [lab.acting_professional_header]: acting };
  return { detail: `${body.token_type} token, ${body.expires_in} s, acting as ${lab.acting_professional.name}` };
});

const firstPdf = makePdf(`Carnet MHD check ${randomUUID()}: bilan sanguin, version 1`);
const first = await step('ITI-65 inline PDF', { token }, async (keep) => {
  sent.first = provideBundle({ pdf: firstPdf, title: 'Bilan sanguin (version 1)' });
  sent.firstKey = randomUUID();
  const { ids } = await provide('ITI-65-inline', sent.first, '201', { keep, idempotencyKey: sent.firstKey });
  check(ids.Binary, 'expected the inline Binary entry to be answered with Binary/<id>');
  return { detail: `DocumentReference/${ids.DocumentReference}, List/${ids.List}, Binary/${ids.Binary}` };
});

const rawPdf = makePdf(`Carnet MHD check ${randomUUID()}: Binary posted alone`);
const rawBinary = await step('Binary POST raw bytes', { token }, async (keep) => {
  const response = await fetch(`${fhirBase}/Binary`, {
    method: 'POST',
    headers: {
      ...authorization,
      accept: FHIR_JSON,
      'content-type': 'application/pdf',
      'x-security-context': `Patient?identifier=${patient.system}|${patient.value}`,
    },
    body: rawPdf,
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (body) {
    save('Binary-raw-response', body);
  }

  check(response.status === 201, `expected 201 Created, got ${response.status}${outcomeText(body)}`);
  const location = response.headers.get('location') ?? '';
  const id = idPattern('Binary').exec(location)?.[1];
  check(id, `expected a Location header Binary/<id>, got "${location}"`);
  keep(id);
  check(body?.resourceType === 'Binary', `expected a Binary resource in the body, got ${body?.resourceType ?? 'no body'}`);
  check(body.data === undefined, 'expected the answered Binary without its data (the bytes are fetched with ITI-68)');
  check(body.id === undefined || body.id === id, `expected the body's id ${id} (as in Location), got ${body.id}`);
  return { detail: `Binary/${id}` };
});

const second = await step('ITI-65 referencing the posted Binary', { token, rawBinary }, async (keep) => {
  sent.second = provideBundle({ pdf: rawPdf, title: 'Binary posted alone', binaryUrl: `Binary/${rawBinary}` });
  const { ids } = await provide('ITI-65-binary-reference', sent.second, '201', { keep });
  return { detail: `DocumentReference/${ids.DocumentReference} → Binary/${rawBinary}` };
});

await step('ITI-65 retried with the same Idempotency-Key', { first }, async () => {
  const { ids, response } = await provide('ITI-65-retry-same-key', sent.first, '200 or 201', { idempotencyKey: sent.firstKey });
  check(ids.DocumentReference === first.DocumentReference,
    `expected the original DocumentReference/${first.DocumentReference} back, got DocumentReference/${ids.DocumentReference} (a duplicate)`);
  const status = response.entry[1].response.status;
  check(/^200\b/.test(status), `expected "200 OK" for a retry that returned the original, got "${status}"`);
  return { detail: `DocumentReference/${ids.DocumentReference} (${status})` };
});

await step('ITI-65 retried without Idempotency-Key (same masterIdentifier)', { first }, async () => {
  const { ids, response } = await provide('ITI-65-retry-no-key', sent.first, '200 or 201');
  check(ids.DocumentReference === first.DocumentReference,
    `expected the DocumentReference with masterIdentifier ${sent.first.entry[1].resource.masterIdentifier.value}, DocumentReference/${first.DocumentReference}, got DocumentReference/${ids.DocumentReference}`);
  return { detail: `DocumentReference/${ids.DocumentReference} (${response.entry[1].response.status})` };
});

const replacementPdf = makePdf(`Carnet MHD check ${randomUUID()}: bilan sanguin, version 2`);
const replacement = await step('ITI-65 replacing version (relatesTo replaces)', { first }, async (keep) => {
  sent.replacement = provideBundle({ pdf: replacementPdf, title: 'Bilan sanguin (version 2, corrigée)', replaces: first.DocumentReference });
  const { ids } = await provide('ITI-65-replacement', sent.replacement, '201', { keep });
  const original = await client.read({ resourceType: 'DocumentReference', id: first.DocumentReference });
  save('read-replaced-DocumentReference', original);
  check(original.status === 'superseded', `expected DocumentReference/${first.DocumentReference} to be superseded once replaced, got status "${original.status}"`);
  return { detail: `DocumentReference/${ids.DocumentReference} (DocumentReference/${first.DocumentReference} now superseded)` };
});

await step('ITI-67 _count=1, following next', { token }, async () => {
  const found = [];
  const seen = new Set();
  let page = await client.search({
    resourceType: 'DocumentReference',
    searchParams: { 'patient.identifier': `${patient.system}|${patient.value}`, status: 'current', _count: 1, _sort: '-date' },
  });
  for (let pages = 1; page; pages++) {
    save(`ITI-67-page-${pages}-searchset`, page);
    check(page.resourceType === 'Bundle' && page.type === 'searchset', `page ${pages}: expected a searchset Bundle, got ${page.resourceType} ${page.type}`);
    const matches = (page.entry ?? []).filter((entry) => (entry.search?.mode ?? 'match') === 'match');
    check(matches.length <= 1, `page ${pages}: expected at most 1 match with _count=1, got ${matches.length}`);
    for (const { resource } of matches) {
      check(resource?.resourceType === 'DocumentReference' && resource.status === 'current',
        `page ${pages}: expected current DocumentReferences only, got ${resource?.resourceType} ${resource?.status}`);
      found.push(resource);
    }

    const self = page.link?.find((link) => link.relation === 'self')?.url;
    check(/^https?:\/\//.test(self ?? ''), `page ${pages}: expected an absolute self link, got "${self}"`);
    const next = page.link?.find((link) => link.relation === 'next')?.url;
    if (next) {
      check(/^https?:\/\//.test(next), `page ${pages}: expected an absolute next link, got "${next}"`);
      check(!seen.has(next), `page ${pages}: the next link ${next} was already followed (paging loops)`);
      check(pages < 500, 'stopped after 500 pages: the next links never end');
      seen.add(next);
    }

    page = await client.nextPage({ bundle: page });
  }

  const ids = found.map((resource) => resource.id);
  const wanted = [[second, 'the one pointing at the posted Binary'], [replacement, 'the replacing version']]
    .filter(([provided]) => provided)
    .map(([provided, what]) => [provided.DocumentReference, what]);
  for (const [id, what] of wanted) {
    check(ids.includes(id), `expected DocumentReference/${id} (${what}) among the ${ids.length} current documents found`);
  }

  check(!first || !replacement || !ids.includes(first.DocumentReference), `DocumentReference/${first?.DocumentReference} is superseded: status=current should not find it`);
  check(new Set(ids).size === ids.length, 'a document was listed on two pages');
  const dates = found.map((resource) => Date.parse(resource.date));
  check(dates.every((date, index) => index === 0 || !(date > dates[index - 1])), `_sort=-date: expected dates newest first, got ${found.map((resource) => resource.date).join(', ')}`);
  return { detail: `${ids.length} current document(s) on ${seen.size + 1} page(s), the new ones among them` };
});

await step('ITI-67 by category, type and date', { replacement }, async () => {
  const since = new Date(Date.now() - 3_600_000).toISOString().slice(0, 10);
  const bundle = await client.search({
    resourceType: 'DocumentReference',
    searchParams: {
      'patient.identifier': `${patient.system}|${patient.value}`,
      status: 'current',
      category: `${CLASS_CODES}|10`,
      type: `${LAB_REPORT.system}|${LAB_REPORT.code}`,
      date: `ge${since}`,
      _count: 50,
      _sort: '-date',
    },
  });
  save('ITI-67-filtered-searchset', bundle);
  const ids = (bundle.entry ?? []).map((entry) => entry.resource?.id);
  check(ids.includes(replacement.DocumentReference), `expected DocumentReference/${replacement.DocumentReference} (lab report, class 10, today) in the answer, got ${ids.join(', ') || 'none'}`);
  return { detail: `${ids.length} document(s)` };
});

const replacementRead = await step('read DocumentReference', { replacement }, async (keep) => {
  const resource = await client.read({ resourceType: 'DocumentReference', id: replacement.DocumentReference });
  save('read-DocumentReference', resource);
  keep(resource.content?.[0]?.attachment?.url ? resource : undefined);
  const wanted = sent.replacement.entry[1].resource;
  check(resource.resourceType === 'DocumentReference' && resource.id === replacement.DocumentReference,
    `expected DocumentReference/${replacement.DocumentReference}, got ${resource.resourceType}/${resource.id}`);
  check(resource.status === 'current', `expected status current, got ${resource.status}`);
  check(resource.masterIdentifier?.value === wanted.masterIdentifier.value, `expected masterIdentifier ${wanted.masterIdentifier.value}, got ${resource.masterIdentifier?.value}`);
  check(resource.subject?.identifier?.system === patient.system && resource.subject?.identifier?.value === patient.value,
    `expected subject.identifier ${patient.system}|${patient.value}, got ${JSON.stringify(resource.subject)}`);
  const target = resource.relatesTo?.find((relation) => relation.code === 'replaces')?.target?.reference ?? '';
  check(new RegExp(`(?:^|/)DocumentReference/${first.DocumentReference}(?:/_history/[^/]+)?$`).test(target),
    `expected relatesTo replaces DocumentReference/${first.DocumentReference}, got "${target}"`);
  check(resource.content?.[0]?.attachment?.url, 'expected content[0].attachment.url to retrieve the document (ITI-68)');
  return { detail: `DocumentReference/${resource.id}, ${resource.content[0].attachment.url}` };
});

async function retrieve(url, headers = {}) {
  return fetch(new URL(url, `${fhirBase}/`), { headers: { ...authorization, ...headers } });
}

await step('ITI-68 retrieve', { replacementRead }, async () => {
  const url = replacementRead.content[0].attachment.url;
  const response = await retrieve(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  check(response.status === 200, `GET ${url}: expected 200, got ${response.status}${outcomeText(tryJson(bytes))}`);
  check(bytes.equals(replacementPdf), `GET ${url}: expected the ${replacementPdf.length} bytes sent, got ${bytes.length} different bytes`);
  const contentType = response.headers.get('content-type') ?? '';
  check(/^application\/pdf\b/.test(contentType), `GET ${url}: expected Content-Type application/pdf, got "${contentType}"`);
  const etag = response.headers.get('etag') ?? '';
  check(etag.toLowerCase() === `"${sha256Hex(replacementPdf)}"`, `GET ${url}: expected ETag "<SHA-256 of the content>" = "${sha256Hex(replacementPdf)}", got ${etag || 'none'}`);
  check(response.headers.get('accept-ranges') === 'bytes', `GET ${url}: expected Accept-Ranges: bytes, got ${response.headers.get('accept-ranges')}`);
  return { detail: `${bytes.length} bytes as sent, ${contentType}, ETag = their SHA-256, Accept-Ranges: bytes` };
});

await step('ITI-68 retrieve the posted Binary', { second }, async () => {
  const resource = await client.read({ resourceType: 'DocumentReference', id: second.DocumentReference });
  save('read-DocumentReference-binary-reference', resource);
  const url = resource.content?.[0]?.attachment?.url ?? '';
  check(new RegExp(`(?:^|/)Binary/${rawBinary}$`).test(url), `expected attachment.url Binary/${rawBinary}, got "${url}"`);
  const response = await retrieve(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  check(response.status === 200 && bytes.equals(rawPdf), `GET ${url}: expected 200 and the ${rawPdf.length} bytes posted, got ${response.status} and ${bytes.length} bytes`);
  return { detail: `${bytes.length} bytes` };
});

await step('ITI-68 Range request', { replacementRead }, async () => {
  const url = replacementRead.content[0].attachment.url;
  const [from, to] = [10, 41];
  const response = await retrieve(url, { range: `bytes=${from}-${to}` });
  const bytes = Buffer.from(await response.arrayBuffer());
  check(response.status === 206, `GET ${url} with Range bytes=${from}-${to}: expected 206 Partial Content, got ${response.status}`);
  const contentRange = response.headers.get('content-range');
  check(contentRange === `bytes ${from}-${to}/${replacementPdf.length}`, `expected Content-Range "bytes ${from}-${to}/${replacementPdf.length}", got "${contentRange}"`);
  check(bytes.equals(replacementPdf.subarray(from, to + 1)), `expected bytes ${from} to ${to} of the document, got ${bytes.length} other bytes`);
  return { detail: `206, ${contentRange}` };
});

await step('ITI-65 without subject is refused with an OperationOutcome', { token }, async () => {
  const bundle = provideBundle({ pdf: makePdf(`Carnet MHD check ${randomUUID()}: no subject`), title: 'No subject', subject: null });
  save('sent-ITI-65-no-subject', bundle, join(out, 'sent'));
  let error;
  try {
    const response = await client.transaction({ body: bundle });
    save('ITI-65-no-subject-accepted', response);
  } catch (caught) {
    error = caught;
  }

  check(error?.response, `expected HTTP 400 or 422 with an OperationOutcome, got ${error ? describe(error) : 'the bundle accepted'}`);
  const { status, data } = error.response;
  save('ITI-65-no-subject-OperationOutcome', data);
  check(status === 400 || status === 422, `expected HTTP 400 or 422 (a bundle without subject), got ${describe(error)}`);
  check(data?.resourceType === 'OperationOutcome', `expected an OperationOutcome body, got ${JSON.stringify(data).slice(0, 300)}`);
  check(data.issue?.some((issue) => issue.severity === 'error' || issue.severity === 'fatal'), 'expected an issue of severity error or fatal');
  return { detail: `${status}${outcomeText(data)}` };
});

function tryJson(bytes) {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

// Every resource Carnet returned, and the bundles we sent, through both validators.
await step('FHIR validation of the saved resources', {}, async () => {
  check(saved.length > 0, 'nothing was saved: no resource to validate');
  const problems = saved.flatMap((file) => validateResource(JSON.parse(readFileSync(file, 'utf8'))).errors
    .map((error) => `\n      ${file}: [${error.validator}] ${error.path}: ${error.message}`));
  check(problems.length === 0, `expected valid FHIR R4, got ${problems.length} error(s):${problems.join('')}`);
  return { detail: `${saved.length} resources valid (those Carnet returned and the bundles sent)` };
});

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}; resources saved in ${out}`);
process.exit(failed === 0 && skipped === 0 ? 0 : 1);
