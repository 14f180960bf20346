import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'bff:isPublic';

/** Opts a route out of the global access-token guard. Everything else requires a valid session. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
