import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI doubles as the admin console, so "Authorize" must work and survive reloads. */
export function setupSwagger(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('strapi-auth-bff')
    .setDescription(
      'Backend-for-frontend for Strapi 5: sign in here, then use the access token with “Authorize”. ' +
        'Every error is `{statusCode, code, message, requestId}`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken from POST /auth/login' })
    .addTag('auth', 'Sign-in, token refresh and logout')
    .addTag('health', 'Liveness and readiness')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
    customSiteTitle: 'strapi-auth-bff API',
  });
}
