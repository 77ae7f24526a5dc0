import { z } from 'zod';
import type { AnyRoute } from './define-route.js';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      required: ['code', 'message'],
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

function parametersOf(route: AnyRoute) {
  const out: object[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (js.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  return out;
}

/** OpenAPI 3.1 built from the same zod schemas that validate each request. */
export function buildOpenApi(routes: AnyRoute[]) {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, object> = {
      [String(route.successStatus ?? 200)]: {
        description: 'Success',
        content: route.produces
          ? { [route.produces]: { schema: { type: 'string' } } }
          : {
              'application/json': {
                schema: route.response ? jsonSchema(route.response, 'output') : { type: 'object' },
              },
            },
      },
      '400': {
        description: 'Invalid request: the failing fields are listed',
        content: { 'application/json': { schema: errorSchema } },
      },
    };
    if (route.auth !== 'public') {
      responses['401'] = {
        description: 'Not signed in',
        content: { 'application/json': { schema: errorSchema } },
      };
    }
    if (route.auth === 'staff') {
      responses['403'] = {
        description: `Role lacks ${route.action}`,
        content: { 'application/json': { schema: errorSchema } },
      };
    }
    if (route.params)
      responses['404'] = {
        description: 'Not found in your clinic',
        content: { 'application/json': { schema: errorSchema } },
      };
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth === 'staff' ? { 'x-arbor-permission': route.action, security: [{ session: [] }] } : {}),
      parameters: parametersOf(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Arbor API',
      version: '0.1.0',
      description: 'The API behind Arbor’s staff app. Every route checks the role and the record’s clinic.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-arbor_session' } },
    },
    paths,
  };
}
