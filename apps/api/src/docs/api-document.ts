import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { packageVersion } from '@app/history';

/** The OpenAPI document of the app as it is wired: routes, query classes, answer classes, problems, security. */
export function apiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('annals')
      .setDescription(
        'The sourced, bitemporal record of the Collective Security Treaty and the CSTO, 1992–2024',
      )
      .setVersion(packageVersion())
      // Declared with addSecurity: addBearerAuth would call the tokens JWTs.
      .addSecurity('writer', {
        type: 'http',
        scheme: 'bearer',
        description: 'an opaque writer token, from ANNALS_WRITER_TOKENS',
      })
      .addSecurity('reader', {
        type: 'http',
        scheme: 'bearer',
        description: 'an opaque reader or writer token; needed only when ANNALS_READER_TOKENS is set',
      })
      .build(),
  );
}

/** The UI at /docs, the document at /docs-json and /docs-yaml. */
export function publishApiDocument(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => apiDocument(app));
}
