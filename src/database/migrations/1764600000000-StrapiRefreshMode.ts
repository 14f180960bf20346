import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Strapi's refresh mode: the session also holds Strapi's (sealed) refresh token and knows when it lapses. */
export class StrapiRefreshMode1764600000000 implements MigrationInterface {
  name = 'StrapiRefreshMode1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bff_sessions" ADD "strapi_refresh_enc" text`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" ADD "strapi_refresh_expires_at" TIMESTAMP WITH TIME ZONE`);
    // Ended sessions whose Strapi session still has to be logged out (retried until Strapi answers).
    await queryRunner.query(
      `CREATE INDEX "idx_bff_sessions_strapi_logout" ON "bff_sessions" ("revoked_at") WHERE "revoked_at" IS NOT NULL AND "strapi_refresh_enc" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_bff_sessions_strapi_logout"`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" DROP COLUMN "strapi_refresh_expires_at"`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" DROP COLUMN "strapi_refresh_enc"`);
  }
}
