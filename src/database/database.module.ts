import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions, runMigrationsLocked } from './data-source-options';

@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({ ...dataSourceOptions(databaseUrl, config.database.poolSize), migrationsRun: config.database.migrationsRun }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('DataSource options missing');
            const { migrationsRun, ...rest } = options;
            const dataSource = await new DataSource({ ...rest, migrationsRun: false }).initialize();
            if (migrationsRun) await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
