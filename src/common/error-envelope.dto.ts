import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorEnvelopeDto {
  @ApiProperty({ example: 401 }) statusCode!: number;
  @ApiProperty({ example: 'invalid_credentials', description: 'Stable, machine-readable error code' }) code!: string;
  @ApiProperty({ example: 'Invalid identifier or password' }) message!: string;
  @ApiProperty({ example: '5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a', description: 'Also in the x-request-id response header' })
  requestId!: string;
}

export class ValidationIssueDto {
  @ApiProperty({ example: 'identifier' }) field!: string;
  @ApiProperty({ example: ['identifier must be a string'], type: [String] }) errors!: string[];
}

export class ValidationErrorEnvelopeDto extends ErrorEnvelopeDto {
  @ApiPropertyOptional({ type: [ValidationIssueDto] }) details?: ValidationIssueDto[];
}
