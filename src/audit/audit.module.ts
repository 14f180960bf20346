import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { RetentionService } from './retention.service';

@Module({ providers: [AuditService, RetentionService], exports: [AuditService, RetentionService] })
export class AuditModule {}
