// Checks HTTP requests against GitHub's official REST OpenAPI description (@octokit/openapi).
//
// Used by the GitHub stand-in (tests/GitGrader.GitHubStandIn) as a sidecar: one JSON object per
// line on stdin, one answer per line on stdout, matched by id, in any order.
//
//   in:  {"id": 1, "method": "POST", "path": "/repos/o/r/check-runs", "query": {"k": "v"}, "body": {...} | null}
//        or, to check an answer against the operation's response schema for that status:
//        {"id": 2, "method": "POST", "path": "/repos/o/r/check-runs", "response": {"status": 201, "body": {...}}}
//        or, to check a webhook payload against the description's x-webhooks schema (e.g. check-run-rerequested):
//        {"id": 3, "webhook": {"event": "check_run", "action": "rerequested", "body": {...}}}
//   out: {"id": 1, "ok": false, "match": "invalid", "operation": "checks/create",
//         "template": "/repos/{owner}/{repo}/check-runs", "errors": ["body must have required property 'head_sha'"]}
//
// "match" is "ok", "invalid" (path and method known, parameters or body wrong), "unknown_path" or
// "unknown_method". "path" is relative to the API root (/api/v3 on GitHub Enterprise Server) and may
// be percent-encoded; query values are strings (or arrays of strings when repeated).
//
// The first line written is {"ready": true, "paths": N, "spec": "..."} once the description is loaded,
// or {"ready": false, "error": "..."} (and exit code 2) when it cannot be.
//
// Usage: node openapi-validator.mjs [--spec api.github.com|ghec|ghes-3.19|/path/to/file.deref.json]

import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const write = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
// The reader went away (the stand-in's process ended): nothing more to answer.
process.stdout.on("error", () => process.exit(0));

function specPath() {
  const i = process.argv.indexOf("--spec");
  const name = i >= 0 ? process.argv[i + 1] : "api.github.com";
  if (name.endsWith(".json")) return name;
  return path.join(here, "node_modules", "@octokit", "openapi", "generated", `${name}.deref.json`);
}

// ---------- OpenAPI 3.0 schema → JSON schema ajv understands ----------

// OpenAPI 3.0 "nullable: true" is not JSON schema; ajv only accepts it next to "type".
// Every nullable schema becomes anyOf [schema, null]. The parsed JSON is a tree, so copying is safe.
function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "nullable" || key === "example" || key === "examples" || key === "description") continue;
    if (key === "properties" || key === "patternProperties" || key === "definitions" || key === "$defs") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  return schema.nullable === true ? { anyOf: [out, { type: "null" }] } : out;
}

// ---------- path templates ----------

function compileTemplate(template, pathItem) {
  const segments = template.split("/").slice(1);
  const kinds = [];
  const names = [];
  let pattern = "^";
  for (const segment of segments) {
    const m = /^\{([^}]+)\}$/.exec(segment);
    if (!m) {
      kinds.push(0);
      pattern += "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      continue;
    }
    const name = m[1];
    const multi = Object.values(pathItem).some(
      (op) => op && Array.isArray(op.parameters) && op.parameters.some((p) => p.in === "path" && p.name === name && p["x-multi-segment"]),
    );
    kinds.push(multi ? 2 : 1);
    names.push(name);
    pattern += multi ? "/(.+)" : "/([^/]+)";
  }
  return { template, regex: new RegExp(pattern + "$"), names, kinds, literals: kinds.filter((k) => k === 0).length };
}

// More literal segments first; then, segment by segment, a literal beats a parameter, which beats a multi-segment one.
function bySpecificity(a, b) {
  if (a.literals !== b.literals) return b.literals - a.literals;
  for (let i = 0; i < Math.min(a.kinds.length, b.kinds.length); i++) {
    if (a.kinds[i] !== b.kinds[i]) return a.kinds[i] - b.kinds[i];
  }
  return b.kinds.length - a.kinds.length;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// ---------- parameter values (strings on the wire) ----------

function coerce(raw, schema) {
  const type = schema && (Array.isArray(schema.type) ? schema.type[0] : schema.type);
  if (Array.isArray(raw)) {
    if (type === "array") return raw.map((r) => coerce(r, schema.items || {}));
    raw = raw[raw.length - 1];
  }
  switch (type) {
    case "integer":
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    case "number":
      return raw !== "" && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : raw;
    case "array":
      return String(raw).split(",").map((r) => coerce(r, schema.items || {}));
    default:
      return raw;
  }
}

function describe(prefix, errors) {
  return errors.map((e) => {
    let where = prefix + (e.instancePath || "");
    let text = `${where} ${e.message}`;
    if (e.keyword === "enum") text += `: ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    if (e.keyword === "additionalProperties") text += `: '${e.params.additionalProperty}'`;
    return text;
  });
}

// ---------- the validator ----------

class Validator {
  constructor(spec) {
    this.spec = spec;
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateFormats: true,
      logger: { log: () => {}, warn: () => {}, error: (...a) => console.error(...a) },
    });
    addFormats(this.ajv);
    this.templates = Object.keys(spec.paths)
      .map((t) => compileTemplate(t, spec.paths[t]))
      .sort(bySpecificity);
    this.cache = new Map();
  }

  // Lazily compiled per operation: parameter validators and the body validator.
  compiled(template, method) {
    const key = `${method} ${template}`;
    let entry = this.cache.get(key);
    if (entry) return entry;
    const pathItem = this.spec.paths[template];
    const op = pathItem[method];
    const parameters = [...(pathItem.parameters || []), ...(op.parameters || [])];
    const params = parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required === true,
      schema: p.schema || {},
      validate: this.ajv.compile(toJsonSchema(p.schema || {})),
    }));
    let body = null;
    if (op.requestBody) {
      const content = op.requestBody.content || {};
      const media = content["application/json"] || Object.values(content)[0];
      body = {
        required: op.requestBody.required === true,
        validate: media && media.schema ? this.ajv.compile(toJsonSchema(media.schema)) : null,
      };
    }
    entry = { operation: op.operationId, params, body };
    this.cache.set(key, entry);
    return entry;
  }

  // Validates a response body against the operation's schema for its status.
  checkResponse({ method, path: rawPath, response }) {
    const found = this.find(method, rawPath);
    if (found.error) return found.error;
    const { t, m } = found;
    const op = this.spec.paths[t.template][m];
    const status = String(response.status);
    const declared = op.responses?.[status] || op.responses?.[`${status[0]}XX`] || op.responses?.default;
    if (!declared) {
      return { ok: false, match: "invalid", operation: op.operationId, template: t.template, errors: [`${m.toUpperCase()} ${t.template} declares no ${status} response`] };
    }
    const content = declared.content || {};
    const media = content["application/json"] || Object.values(content)[0];
    if (!media || !media.schema) return { ok: true, match: "ok", operation: op.operationId, template: t.template, errors: [] };
    const key = `response ${status} ${m} ${t.template}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(media.schema));
      this.cache.set(key, validate);
    }
    const ok = validate(response.body);
    return {
      ok,
      match: ok ? "ok" : "invalid",
      operation: op.operationId,
      template: t.template,
      errors: ok ? [] : describe(`response ${status}`, validate.errors),
    };
  }

  // Validates a webhook payload against x-webhooks["{event}-{action}"] (underscores as hyphens).
  checkWebhook({ event, action, body }) {
    const key = (action ? `${event}-${action}` : String(event)).replace(/_/g, "-");
    const hook = this.spec["x-webhooks"] && this.spec["x-webhooks"][key] && this.spec["x-webhooks"][key].post;
    if (!hook) return { ok: false, match: "unknown_path", errors: [`GitHub's description has no webhook '${key}'`] };
    const cacheKey = `webhook ${key}`;
    let validate = this.cache.get(cacheKey);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(hook.requestBody.content["application/json"].schema));
      this.cache.set(cacheKey, validate);
    }
    const ok = validate(body);
    return { ok, match: ok ? "ok" : "invalid", operation: `webhook ${key}`, errors: ok ? [] : describe("payload", validate.errors) };
  }

  // The template and method for a path, or an error answer.
  find(method, rawPath) {
    const m = String(method || "").toLowerCase();
    const clean = String(rawPath || "").split("?")[0].replace(/\/+$/, "") || "/";
    const matches = [];
    for (const t of this.templates) {
      const r = t.regex.exec(clean);
      if (r) matches.push({ t, values: r.slice(1) });
    }
    if (matches.length === 0) {
      return { error: { ok: false, match: "unknown_path", errors: [`${clean} matches no path of GitHub's REST API`] } };
    }
    const hit = matches.find((x) => this.spec.paths[x.t.template][m]);
    if (!hit) {
      const best = matches[0].t.template;
      const allowed = METHODS.filter((x) => this.spec.paths[best][x]).map((x) => x.toUpperCase());
      return {
        error: {
          ok: false,
          match: "unknown_method",
          template: best,
          errors: [`${m.toUpperCase()} is not an operation of ${best} (it has ${allowed.join(", ")})`],
        },
      };
    }
    return { t: hit.t, values: hit.values, m };
  }

  check({ method, path: rawPath, query, body }) {
    const found = this.find(method, rawPath);
    if (found.error) return found.error;
    const { t, values, m } = found;
    const op = this.compiled(t.template, m);
    const errors = [];

    const pathValues = {};
    t.names.forEach((name, i) => {
      try {
        pathValues[name] = decodeURIComponent(values[i]);
      } catch {
        pathValues[name] = values[i];
      }
    });
    const q = query && typeof query === "object" ? query : {};
    const known = new Set();
    for (const p of op.params) {
      if (p.in === "path") {
        const value = coerce(pathValues[p.name], p.schema);
        if (!p.validate(value)) errors.push(...describe(`path parameter '${p.name}'`, p.validate.errors));
      } else if (p.in === "query") {
        known.add(p.name);
        if (!(p.name in q)) {
          if (p.required) errors.push(`query parameter '${p.name}' is required`);
          continue;
        }
        const value = coerce(q[p.name], p.schema);
        if (!p.validate(value)) errors.push(...describe(`query parameter '${p.name}'`, p.validate.errors));
      }
    }
    for (const name of Object.keys(q)) {
      if (!known.has(name)) errors.push(`query parameter '${name}' is not a parameter of ${m.toUpperCase()} ${t.template}`);
    }

    const hasBody = body !== null && body !== undefined;
    if (op.body) {
      if (!hasBody && op.body.required) errors.push("a request body is required");
      if (hasBody && op.body.validate && !op.body.validate(body)) errors.push(...describe("body", op.body.validate.errors));
    } else if (hasBody) {
      errors.push(`${m.toUpperCase()} ${t.template} takes no request body`);
    }
    return {
      ok: errors.length === 0,
      match: errors.length === 0 ? "ok" : "invalid",
      operation: op.operation,
      template: t.template,
      errors,
    };
  }
}

// ---------- main ----------

const file = specPath();
if (!existsSync(file)) {
  write({ ready: false, error: `${file} is missing: run \`npm ci --prefix tests/npm\`` });
  process.exit(2);
}
let validator;
try {
  validator = new Validator(JSON.parse(readFileSync(file, "utf8")));
} catch (e) {
  write({ ready: false, error: `cannot load ${file}: ${e.message}` });
  process.exit(2);
}
write({ ready: true, paths: validator.templates.length, spec: path.basename(file) });

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (!line.trim()) return;
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    write({ id: null, ok: false, match: "invalid", errors: [`validator input is not JSON: ${e.message}`] });
    return;
  }
  try {
    const answer = request.webhook
      ? validator.checkWebhook(request.webhook)
      : request.response
        ? validator.checkResponse(request)
        : validator.check(request);
    write({ id: request.id, ...answer });
  } catch (e) {
    write({ id: request.id, ok: false, match: "invalid", errors: [`validator failed: ${e.stack || e.message}`] });
  }
});
// stdin closed (the stand-in stopped or died): nothing keeps the event loop alive, so node exits
// once the answers already written have drained.
