import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document of the app as it is wired: routes, query classes, answer classes, problems, security. */
export function apiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('annals')
      .setDescription('The sourced, bitemporal record of the Collective Security Treaty and the CSTO, 1992–2024')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an opaque token (not a JWT): ANNALS_WRITER_TOKENS for writes, ANNALS_READER_TOKENS for reads when set' })
      .build(),
  );
}

/** The UI at /docs, the document at /docs-json and /docs-yaml. */
export function publishApiDocument(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => apiDocument(app));
}
