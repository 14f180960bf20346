import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode } from './app-error';
import { ErrorEnvelopeDto, ValidationErrorEnvelopeDto } from './error-envelope.dto';

/**
 * What any route behind the access-token guard can answer: no or a bad token, or a session that
 * has ended (for a blocked or deleted account, with that code). The database being away gives 503.
 */
export const SESSION_ERRORS = [
  'unauthorized',
  'invalid_access_token',
  'session_expired',
  'session_revoked',
  'account_blocked',
  'account_deleted',
  'service_unavailable',
] as const satisfies readonly ErrorCode[];

/** Documents the error envelope for each listed code, grouped by HTTP status. */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return applyDecorators(
    ...[...byStatus].map(([status, statusCodes]) =>
      ApiResponse({
        status,
        description: `Error envelope with code ${statusCodes.map((c) => `\`${c}\``).join(', ')}`,
        type: statusCodes.includes('validation_failed') ? ValidationErrorEnvelopeDto : ErrorEnvelopeDto,
        example: { statusCode: status, code: statusCodes[0], message: 'A human-readable explanation', requestId: '5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a' },
      }),
    ),
  );
}
