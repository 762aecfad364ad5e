// validate.mjs — checks a JSON value against a schema of the OpenAPI document (the subset
// docs/api/openapi.json uses: type, nullable, required, properties, items, enum, pattern,
// oneOf, $ref). Returns a list of problems, empty when the value fits.
export function validate(doc, schema, value, where = '$') {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return validate(doc, doc.components.schemas[name], value, where);
  }
  if (schema.oneOf) {
    const fits = schema.oneOf.filter((s) => validate(doc, s, value, where).length === 0);
    return fits.length === 1 ? [] : [`${where}: fits ${fits.length} of oneOf`];
  }
  if (value === null) return schema.nullable ? [] : [`${where}: null not allowed`];
  const problems = [];
  const type = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const want = schema.type;
  if (want && !(want === type || (want === 'number' && type === 'integer'))) {
    return [`${where}: ${type}, want ${want}`];
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${where}: ${value} not in enum`);
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
    problems.push(`${where}: '${value}' does not match ${schema.pattern}`);
  }
  if (type === 'object' && schema.properties) {
    for (const k of schema.required || []) {
      if (!(k in value)) problems.push(`${where}: missing ${k}`);
    }
    for (const [k, v] of Object.entries(value)) {
      if (!(k in schema.properties)) problems.push(`${where}: undocumented ${k}`);
      else problems.push(...validate(doc, schema.properties[k], v, `${where}.${k}`));
    }
  }
  if (type === 'array' && schema.items) {
    value.forEach((v, i) => problems.push(...validate(doc, schema.items, v, `${where}[${i}]`)));
  }
  return problems;
}
