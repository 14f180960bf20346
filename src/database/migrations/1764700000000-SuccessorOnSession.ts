import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealed successor kept for the grace window moves from the rotated token's row to the session
 * row, next to when that rotation happened: the refresh decision then reads everything it needs
 * from the one row it locks, so a refresh looks its token up once. The retention sweep clears the
 * successor once the window has passed, through the partial index.
 */
export class SuccessorOnSession1764700000000 implements MigrationInterface {
  name = 'SuccessorOnSession1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bff_sessions" ADD "previous_rotated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" ADD "successor_enc" text`);
    await queryRunner.query(
      `UPDATE "bff_sessions" s SET "previous_rotated_at" = t."rotated_at", "successor_enc" = t."successor_enc"
       FROM "bff_refresh_tokens" t
       WHERE t."session_id" = s."id" AND t."generation" = s."refresh_generation" - 1 AND t."successor_enc" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "bff_refresh_tokens" DROP COLUMN "successor_enc"`);
    await queryRunner.query(`CREATE INDEX "idx_bff_sessions_successor" ON "bff_sessions" ("previous_rotated_at") WHERE "successor_enc" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_bff_sessions_successor"`);
    await queryRunner.query(`ALTER TABLE "bff_refresh_tokens" ADD "successor_enc" text`);
    await queryRunner.query(
      `UPDATE "bff_refresh_tokens" t SET "successor_enc" = s."successor_enc"
       FROM "bff_sessions" s
       WHERE t."session_id" = s."id" AND t."generation" = s."refresh_generation" - 1 AND s."successor_enc" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "bff_sessions" DROP COLUMN "successor_enc"`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" DROP COLUMN "previous_rotated_at"`);
  }
}
