import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  const port = Number(process.env['PORT'] ?? 3000);
  await app.listen(port, process.env['HOST'] ?? '127.0.0.1');
  process.stdout.write(`annals API listening on ${await app.getUrl()}\n`);
}

void bootstrap();
