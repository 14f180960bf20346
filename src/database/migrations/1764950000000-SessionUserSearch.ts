import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin console and the CLI find a user's sessions by email or username (GET /admin/sessions?q=).
 * Sessions already keep both as Strapi gave them at sign-in; these expression indexes make the
 * case-insensitive match an index lookup instead of a scan. TypeORM can't describe expression
 * indexes, so the entity declares them with `synchronize: false`.
 */
export class SessionUserSearch1764950000000 implements MigrationInterface {
  name = 'SessionUserSearch1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_bff_sessions_email_lower" ON "bff_sessions" (lower("email"))`);
    await queryRunner.query(`CREATE INDEX "idx_bff_sessions_username_lower" ON "bff_sessions" (lower("username"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_bff_sessions_username_lower"`);
    await queryRunner.query(`DROP INDEX "idx_bff_sessions_email_lower"`);
  }
}
