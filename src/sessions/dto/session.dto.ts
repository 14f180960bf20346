import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class MySessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Alice’s laptop' }) deviceName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '203.0.113.7' }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Last refresh' }) lastUsedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Absolute end of the session' }) expiresAt!: string;
  @ApiProperty({ description: 'True for the session making this call' }) current!: boolean;
}

export class RevokedCountDto {
  @ApiProperty({ example: 2 }) revoked!: number;
}

export class RevokeScopeQuery {
  @ApiProperty({ enum: ['others', 'all'], description: '`others`: every session but this one; `all`: this one too' })
  @IsIn(['others', 'all'])
  scope!: 'others' | 'all';
}
