import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MfaModule } from '../mfa/mfa.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AdminController } from './admin.controller';
import { AdminGuard } from './admin.guard';
import { AdminService } from './admin.service';

@Module({ imports: [SessionsModule, AuditModule, MfaModule], controllers: [AdminController], providers: [AdminService, AdminGuard] })
export class AdminModule {}
