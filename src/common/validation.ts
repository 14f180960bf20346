import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error';

function flatten(errors: ValidationError[], parent = ''): { field: string; errors: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const NOT_A_DTO = new Set<unknown>([Object, Array, String, Number, Boolean, Buffer]);

/**
 * Unknown fields are refused rather than silently dropped, so typos surface as 400s. A body DTO
 * gets a JSON object or nothing (an absent body reads as `{}`): Nest's pipe would let a bare string,
 * number, array or null through unvalidated, and a handler would read fields off it.
 */
class BodyValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && !NOT_A_DTO.has(metadata.metatype)) {
      if (value === undefined) return super.transform({}, metadata);
      if (value === null || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) {
        return Promise.reject(new AppError('validation_failed', 'The request body must be a JSON object'));
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new AppError('validation_failed', 'The request is invalid', flatten(errors)),
  });
}
