import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ValidationError } from 'class-validator';
import { InvalidQuery } from '@app/history';
import { servePage } from './page/page-assets';

/** Everything main.ts and the e2e tests both set up on the application, so that tests run the real thing. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors: ValidationError[]) =>
        new InvalidQuery(
          errors.flatMap((error) =>
            Object.values(error.constraints ?? {}).map((reason) => ({
              path: error.property,
              reason: reason.startsWith(`property ${error.property} `) ? 'is not a field here; the fields are: id, event' : reason,
            })),
          ),
        ),
    }),
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('annals')
      .setDescription('The sourced, bitemporal record of the Collective Security Treaty and the CSTO, 1992–2024')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  servePage(app);
  return app;
}
