import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_EVENT_TYPES } from '../../audit/audit-event.entity';

/** Strapi user ids are Postgres `integer`s (int4). */
export const MAX_USER_ID = 2_147_483_647;
/** Far past any real listing; keeps the OFFSET a small number. */
const MAX_PAGE = 100_000;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

export class AdminSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Strapi user id', example: 3, minimum: 1, maximum: MAX_USER_ID })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_USER_ID)
  userId?: number;

  @ApiPropertyOptional({
    description: 'A user id, or the email or username the user signed in with (exact, case-insensitive), e.g. `alice@example.com`',
    maxLength: 255,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  q?: string;

  @ApiPropertyOptional({ enum: ['active', 'revoked', 'expired', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'revoked', 'expired', 'all'])
  status: 'active' | 'revoked' | 'expired' | 'all' = 'active';
}

/** GET /admin/users/{userId}/sessions: the user is in the path, so only status and paging remain. */
export class AdminUserSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'revoked', 'expired', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'revoked', 'expired', 'all'])
  status: 'active' | 'revoked' | 'expired' | 'all' = 'active';
}

export class AuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: MAX_USER_ID })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_USER_ID)
  userId?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_EVENT_TYPES)
  type?: (typeof AUDIT_EVENT_TYPES)[number];

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

export class AdminRevokeDto {
  @ApiPropertyOptional({ description: 'Why, for the audit trail', example: 'Reported stolen laptop', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PageMetaDto {
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Matching rows, counted exactly up to 1,000' }) total!: number;
  @ApiProperty({ description: 'False when there are more than 1,000 matches (`total` is then 1,000)' }) totalExact!: boolean;
}

export class AdminSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() userId!: number;
  @ApiProperty() username!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({ enum: ['active', 'revoked', 'expired'] }) status!: 'active' | 'revoked' | 'expired';
  @ApiProperty({ nullable: true, type: String }) deviceName!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'How many times the refresh token was rotated' }) refreshCount!: number;
  @ApiProperty({ enum: [1, 2], description: 'Assurance level: 2 once a second factor answered' }) aal!: number;
  @ApiProperty({ type: [String], example: ['pwd', 'otp'], description: 'How the user authenticated (RFC 8176)' }) amr!: string[];
  @ApiProperty({ format: 'date-time', description: 'The last sign-in or re-authentication' }) authTime!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'admin_revoked' }) revokedReason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'admin:7' }) revokedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokeNote!: string | null;
}

export class AdminSessionPageDto {
  @ApiProperty({ type: [AdminSessionDto] }) data!: AdminSessionDto[];
  @ApiProperty({ type: PageMetaDto }) meta!: PageMetaDto;
}

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES }) type!: string;
  @ApiProperty({ nullable: true, type: Number }) userId!: number | null;
  @ApiProperty({ nullable: true, type: String }) sessionId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'admin:7' }) actor!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ nullable: true, type: Object }) details!: Record<string, unknown> | null;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) data!: AuditEventDto[];
  @ApiProperty({ type: PageMetaDto }) meta!: PageMetaDto;
}
