import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of the brute-force and abuse limits when they live in Postgres (the default), in
 * the layout rate-limiter-flexible's Postgres store uses: one row per limit and hashed key, its
 * points and when its window ends (ms since the epoch). Incremented atomically by one upsert.
 */
export class RateLimits1764850000000 implements MigrationInterface {
  name = 'RateLimits1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bff_rate_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_bff_rate_limits" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "idx_bff_rate_limits_expire" ON "bff_rate_limits" ("expire")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bff_rate_limits"`);
  }
}
