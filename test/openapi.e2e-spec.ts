import SwaggerParser from '@apidevtools/swagger-parser';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { startApi } from './support/api';

type Schema = { $ref?: string; type?: string; properties?: object; items?: Schema; allOf?: Schema[] };
type Operation = {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: Schema }[];
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, { scheme?: string; bearerFormat?: string }>;
    schemas: Record<string, Schema>;
  };
};

/** The routes express serves for the app's controllers, as `METHOD /path/{param}` (Swagger's own pages left out). */
function servedRoutes(app: INestApplication): string[] {
  const router = (
    app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    }
  ).router;
  return router.stack
    .flatMap(({ route }) =>
      route
        ? Object.keys(route.methods).map(
            (method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`,
          )
        : [],
    )
    .filter((route) => !/ \/docs/.test(route))
    .sort();
}

describe('the OpenAPI document, held to the app', () => {
  let app: INestApplication;
  let document: Document;
  beforeAll(async () => {
    ({ app } = await startApi({ chronology: false }));
    document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as Document;
  });
  afterAll(async () => {
    await app.close();
  });

  const operations = (): [string, Operation][] =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        operation,
      ]),
    );

  it('documents every route the app serves, and no other', () => {
    const served = servedRoutes(app);
    expect(served.length).toBeGreaterThan(10);
    expect(
      operations()
        .map(([route]) => route)
        .sort(),
    ).toEqual(served);
  });

  it('gives every operation a success answer with a schema that says something', () => {
    for (const [route, operation] of operations()) {
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect([route, success.length > 0]).toEqual([route, true]);
      for (const [, response] of success) {
        const schemas = Object.values(response.content ?? {}).map((media) => media.schema);
        expect([route, schemas.length]).toEqual([route, expect.any(Number)]);
        expect([
          route,
          schemas.length > 0 &&
            schemas.every(
              (schema) =>
                schema !== undefined &&
                (schema.$ref !== undefined || schema.type !== undefined || schema.allOf !== undefined),
            ),
        ]).toEqual([route, true]);
      }
    }
  });

  it('gives every operation its error answers, each as a problem+json schema', () => {
    for (const [route, operation] of operations()) {
      const errors = Object.entries(operation.responses).filter(([status]) => /^[45]\d\d$/.test(status));
      expect([route, errors.length > 0]).toEqual([route, true]);
      for (const [status, response] of errors) {
        expect([route, status, response.content?.['application/problem+json']?.schema]).toEqual([
          route,
          status,
          { $ref: '#/components/schemas/ProblemAnswer' },
        ]);
      }
    }
  });

  it('declares the media types of the CSV, NDJSON and event-stream answers', () => {
    const mediaTypes = (route: string) =>
      Object.keys(operations().find(([name]) => name === route)?.[1].responses['200']?.content ?? {});
    expect(mediaTypes('GET /exports/membership-spells.csv')).toEqual(['text/csv']);
    expect(mediaTypes('GET /exports/state-year.csv')).toEqual(['text/csv']);
    expect(mediaTypes('GET /exports/events.ndjson')).toEqual(['application/x-ndjson']);
    expect(mediaTypes('GET /events/feed')).toEqual(['text/event-stream']);
  });

  it('describes opaque bearer tokens: a writer’s for writes, a reader’s for reads only when readers are configured', () => {
    expect(document.components.securitySchemes).toEqual({
      writer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      reader: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    for (const scheme of Object.values(document.components.securitySchemes))
      expect(scheme.bearerFormat).toBeUndefined();
    for (const [route, operation] of operations()) {
      if (route.startsWith('POST ')) expect([route, operation.security]).toEqual([route, [{ writer: [] }]]);
      else if (route.startsWith('GET /health'))
        expect([route, operation.security]).toEqual([route, undefined]);
      else expect([route, operation.security]).toEqual([route, [{}, { reader: [] }]]);
    }
  });

  it('types the query parameters from the query classes', () => {
    const state = operations().find(([route]) => route === 'GET /organisations/{org}/state')?.[1];
    expect(state?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'org',
          in: 'path',
          schema: expect.objectContaining({ type: 'string' }),
        }),
        expect.objectContaining({
          name: 'asOf',
          in: 'query',
          required: true,
          schema: expect.objectContaining({ type: 'string', format: 'date' }),
        }),
        expect.objectContaining({
          name: 'knownAt',
          in: 'query',
          required: false,
          schema: expect.objectContaining({ type: 'string' }),
        }),
      ]),
    );
  });

  it('validates against the OpenAPI 3 schema', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('is served as YAML too, the same document', async () => {
    const { text } = await request(app.getHttpServer()).get('/docs-yaml').expect(200);
    expect(parseYaml(text)).toEqual(document);
  });
});
