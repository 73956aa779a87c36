import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { Runtime } from '@libs/runtime';
import { configureApp } from './http/configure-app';

export async function createApiApp(runtime: Runtime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  await configureApp(app, runtime);
  await app.init();
  return app;
}
