import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { AccessTokenService } from './access-token.service';

class JwkDto {
  @ApiProperty({ example: 'EC' }) kty!: string;
  @ApiProperty({ example: 'P-256' }) crv!: string;
  @ApiProperty() x!: string;
  @ApiProperty() y!: string;
  @ApiProperty({ description: 'RFC 7638 thumbprint of the key' }) kid!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
  @ApiProperty({ example: 'ES256' }) alg!: string;
}

class JwksDto {
  @ApiProperty({ type: [JwkDto] }) keys!: JwkDto[];
}

@ApiTags('jwks')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly accessTokens: AccessTokenService) {}

  @Public()
  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys that verify BFF access tokens (current key plus any still in rotation overlap)' })
  @ApiOkResponse({ type: JwksDto })
  jwks(): JwksDto {
    return this.accessTokens.jwks;
  }
}
