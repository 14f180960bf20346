import { Logger } from '@nestjs/common';

// Services constructed outside an app log through Nest's default console logger; keep test output readable.
Logger.overrideLogger(['error', 'fatal']);
