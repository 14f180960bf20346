import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The retention sweep clears sealed successors whose grace window has passed; this finds them without a scan. */
export class GraceSuccessorSweep1764700000000 implements MigrationInterface {
  name = 'GraceSuccessorSweep1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_bff_refresh_tokens_successor" ON "bff_refresh_tokens" ("rotated_at") WHERE "successor_enc" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_bff_refresh_tokens_successor"`);
  }
}
