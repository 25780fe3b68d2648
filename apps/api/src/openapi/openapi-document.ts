// Builds the OpenAPI 3.1 document from the contracts' route table, so the
// published description and the validation at the edge share one source.
import { z } from 'zod';
import { API_PREFIX, API_TOKEN_PREFIX, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, routeDocs, type RouteDoc } from '@glossa/contracts';

/** Path parameters that hold secrets rather than ids. */
const SECRET_PARAMS = new Set(['token']);

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

function operation(route: RouteDoc): Record<string, unknown> {
  const parameters: unknown[] = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: SECRET_PARAMS.has(m[1]) ? { type: 'string' } : { type: 'string', format: 'uuid' },
  }));
  if (route.query) {
    const schema = jsonSchema(route.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property });
    }
  }
  const content: Record<string, unknown> = {};
  if (route.body) content['application/json'] = { schema: jsonSchema(route.body, 'input') };
  for (const type of route.alsoAccepts ?? []) content[type] = { schema: { type: 'object' } };
  return {
    summary: route.summary,
    security: route.public ? [] : [{ session: [] }, { bearer: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content } } : {}),
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema
            ? { content: { [response.contentType ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') } } }
            : response.contentType
              ? { content: { [response.contentType]: { schema: { type: 'string' } } } }
              : {}),
        },
      ]),
    ),
  };
}

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeDocs) {
    const path = API_PREFIX + route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Glossa API',
      version,
      description:
        'Offsets in every selector count Unicode code points over the canonical text of a document revision (GET /api/documents/{id}/text). ' +
        `Requests authenticate with the session cookie (${SESSION_COOKIE}; __Host-${SESSION_COOKIE} over HTTPS) or with Authorization: Bearer ${API_TOKEN_PREFIX}…. ` +
        `Cookie-authenticated POST/PUT/PATCH/DELETE (sign-up and sign-in included) must send the ${CSRF_COOKIE} cookie's value in ${CSRF_HEADER} and come from the app's own origin.`,
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearer: { type: 'http', scheme: 'bearer', description: `A personal API token (${API_TOKEN_PREFIX}…) from POST /api/auth/tokens` },
      },
    },
    paths,
  };
}
