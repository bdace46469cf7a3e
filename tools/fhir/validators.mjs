// The two FHIR R4 validators of tools/fhir, behind one function: validateResource(resource) returns
// { errors, warnings }, each item { validator: 'fhir' | 'schema', path, message }.
//
// They catch different things (TOOLCHAIN.md, "FHIR from outside"):
//   - npm `fhir` walks the resource with the R4 StructureDefinitions and value sets: missing
//     required elements (the schema does not require primitives such as DocumentReference.status),
//     codes outside a required binding, the target type of a Reference, arrays and numbers.
//     It only warns about properties that R4 does not define.
//   - @asymmetrik/fhir-json-schema-validator checks the official R4 JSON schema: unknown
//     properties, empty strings, JSON types (a string where a number is due), required-binding
//     enums, and the patterns of every primitive.
//
// What each one reports, and what we did about it (checked against fhir 4.12.0 and 0.9.8):
//
// fhir: `new Fhir().validate(resource)` returns { valid, messages }; each message has a severity
//   'fatal' | 'error' | 'warning' | 'info'. `valid` is false only for fatal and error, which are
//   our errors. Warnings are "Unexpected property" (left as a warning on purpose: the schema
//   reports unknown properties as errors, so nothing is lost) and "Code … not found in value set"
//   for bindings weaker than required (a LOINC type or a French TRE code is not an error). Info is
//   "Value set … could not be found" (mimetypes, languages: the package ships no expansion).
//   Two false positives, worked around (the other messages are kept as they are):
//   - Reference types: it takes the segment before the last '/' as the target type, so a
//     version-specific "Patient/1/_history/2" is a reference to a "_history" and is rejected. It is
//     given a copy of the resource whose references lose their "/_history/n" (the type is still
//     checked; the schema sees the resource unchanged).
//   - Value sets it does not ship: it says "Value set … could not be found" (info), then for a
//     CodeableConcept reports each code "not found in value set" anyway — an error under a required
//     binding — though it checked nothing. Those become warnings.
//   Barely checked by it (so the schema matters): its date, dateTime, time, code, id and oid
//   patterns have no ^…$ anchors, so "2025-06-02 08:00" or a dateTime without its time zone pass
//   (any value that contains a year does); empty strings and the JSON type of string elements are
//   not checked at all. Not checked by either: base64Binary content (Binary.data), the target
//   type of references whose StructureDefinition lists none in the package (relatesTo.target).
//
// schema: the package's constructor is (schema, ajvSettings), not (options): `{ allErrors: true }`
//   goes second. Those settings replace the package's default `{ logger: false }`, and Ajv 6 then
//   prints "schema id ignored http://hl7.org/fhir/json-schema/4.0" once per compiled sub-schema
//   (thousands of lines), so we pass logger: false again; Ajv's verbose: true adds the faulty value
//   to each error (used in messages and below).
//   A real false positive of the schema, filtered: it was generated for FHIR 4.0.0, and its
//   FHIRVersion enum lacks "4.0.1", the version every R4 server states in
//   CapabilityStatement.fhirVersion (npm `fhir` checks that code against the right value set).
//   The schema chooses a resource's definition with `oneOf` over all 146 resource types. With
//   allErrors, one mistake inside a nested resource (Bundle.entry.resource, contained) is reported
//   once per resource type it is NOT (519 errors for one bad DocumentReference.status in a
//   searchset), and the package's non-verbose validate() only narrows the top level, recompiling
//   the 3 MB schema (about 1.5 s) for every invalid resource. We give the package the same schema
//   with that oneOf written as "if resourceType is T then T's definition" for each T (plus
//   resourceType in the list of known types): the same resources pass, and each error is reported
//   once, at its path. Ajv's summary errors for those if/then wrappers are dropped.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Fhir } = require('fhir');
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
const officialSchema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');

function discriminatedSchema() {
  const schema = structuredClone(officialSchema);
  const types = Object.keys(schema.discriminator.mapping);
  schema.definitions.ResourceList = {
    type: 'object',
    required: ['resourceType'],
    properties: { resourceType: { enum: types } },
    allOf: types.map((type) => ({
      if: { required: ['resourceType'], properties: { resourceType: { const: type } } },
      then: { $ref: `#/definitions/${type}` },
    })),
  };
  delete schema.oneOf;
  schema.allOf = [{ $ref: '#/definitions/ResourceList' }];
  return schema;
}

let validators;
function load() {
  validators ??= {
    fhir: new Fhir(),
    schema: new JSONSchemaValidator(discriminatedSchema(), { allErrors: true, logger: false, verbose: true }),
  };
  return validators;
}

// Type/id/_history/version → Type/id, in every Reference.reference (see the header: the lib would
// read "_history" as the target type). Only the copy given to npm `fhir` is changed.
const versionSuffix = /^((?:.*\/)?[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})\/_history\/[A-Za-z0-9\-.]{1,64}$/;
function withoutReferenceVersions(value, key) {
  if (Array.isArray(value)) {
    return value.map((item) => withoutReferenceVersions(item));
  }

  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, withoutReferenceVersions(item, name)]));
  }

  return key === 'reference' && typeof value === 'string' ? value.replace(versionSuffix, '$1') : value;
}

// npm `fhir` reports a problem in a nested resource (Bundle.entry.resource, contained, outcome)
// with that resource's own path ("DocumentReference.status") and its id, or where there is no id
// its place ("Bundle.entry[0].resource"). Those are mapped back to the full path.
function nestedResources(value, path, found = new Map(), root = true) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => nestedResources(item, `${path}[${index}]`, found, false));
  } else if (value !== null && typeof value === 'object') {
    if (!root && typeof value.resourceType === 'string') {
      const key = value.id ?? path;
      if (!found.has(key)) {
        found.set(key, { path, resourceType: value.resourceType });
      }
    }

    for (const [name, item] of Object.entries(value)) {
      nestedResources(item, `${path}.${name}`, found, false);
    }
  }

  return found;
}

function fullPath(resource, message, nested) {
  const location = message.location || resource.resourceType || '(root)';
  const inside = message.resourceId === (resource.id ?? '#initial') ? undefined : nested.get(message.resourceId);
  if (!inside || !location.startsWith(inside.resourceType)) {
    return location;
  }

  return inside.path + location.slice(inside.resourceType.length);
}

function fhirFindings(resource) {
  const findings = { errors: [], warnings: [] };
  const nested = nestedResources(resource, resource.resourceType ?? '');
  const messages = load().fhir.validate(withoutReferenceVersions(resource)).messages;
  // Where the package has no expansion of a value set it says so (info) and then, for a
  // CodeableConcept, still reports each code as "not found" — an error under a required binding.
  // It did not check those codes: keep the message, as a warning.
  const unchecked = new Set(messages.filter((m) => m.message?.endsWith('could not be found.')).map((m) => m.location));
  for (const message of messages) {
    const finding = { validator: 'fhir', path: fullPath(resource, message, nested), message: message.message };
    const isError = (message.severity === 'error' || message.severity === 'fatal')
      && !(unchecked.has(message.location) && message.message?.endsWith('not found in value set'));
    (isError ? findings.errors : findings.warnings).push(finding);
  }

  return findings;
}

function schemaFindings(resource) {
  const errors = load().schema.validate(resource, true)
    .filter((error) => error.keyword !== 'if' && !isFhirVersion401(error))
    .map((error) => ({ validator: 'schema', path: schemaPath(resource, error), message: schemaMessage(error) }));
  return { errors, warnings: [] };
}

// The official R4 schema was generated for 4.0.0: its FHIRVersion enum stops at "4.0.0", so the
// "4.0.1" that every R4 server states in CapabilityStatement.fhirVersion fails. npm `fhir` checks
// that code against the real value set (which has 4.0.1), so any other version is still reported.
function isFhirVersion401(error) {
  return error.keyword === 'enum' && error.data === '4.0.1'
    && error.params.allowedValues.includes('4.0.0') && !error.params.allowedValues.includes('4.0.1');
}

function schemaPath(resource, error) {
  if (typeof error === 'string') {
    return resource?.resourceType ?? '(no resourceType)';
  }

  let path = `${resource.resourceType}${error.dataPath}`;
  if (error.keyword === 'additionalProperties') {
    path += `.${error.params.additionalProperty}`;
  } else if (error.keyword === 'required') {
    path += `.${error.params.missingProperty}`;
  }

  return path;
}

function schemaMessage(error) {
  if (typeof error === 'string') {
    return error;
  }

  switch (error.keyword) {
    case 'additionalProperties':
      return 'unknown property (not in the R4 schema)';
    case 'required':
      return 'missing required property';
    case 'enum':
      return error.params.allowedValues.length > 12
        ? 'not one of the allowed values'
        : `not one of ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'pattern': {
      const type = /^#\/definitions\/([A-Za-z0-9]+)\/pattern$/.exec(error.schemaPath)?.[1];
      return type === 'string' || type === 'markdown'
        ? 'empty, or has a whitespace character other than space, tab, CR or LF'
        : `not a valid ${type ?? 'value'} (${JSON.stringify(error.data)})`;
    }
    case 'const':
      return `should be ${JSON.stringify(error.params.allowedValue)}`;
    default:
      return error.message;
  }
}

/** Validates one FHIR JSON resource with both validators. */
export function validateResource(resource) {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
    const error = { validator: 'fhir', path: '(root)', message: 'not a JSON object: a FHIR resource is an object with a resourceType' };
    return { errors: [error], warnings: [] };
  }

  const byFhir = fhirFindings(resource);
  const bySchema = schemaFindings(resource);
  return { errors: [...byFhir.errors, ...bySchema.errors], warnings: byFhir.warnings };
}
