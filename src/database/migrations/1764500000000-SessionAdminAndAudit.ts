import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionAdminAndAudit1764500000000 implements MigrationInterface {
  name = 'SessionAdminAndAudit1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bff_sessions" ADD "revoke_note" character varying(500)`);
    // Admin listing: newest first overall, and the active ones only.
    await queryRunner.query(`CREATE INDEX "idx_bff_sessions_created" ON "bff_sessions" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "idx_bff_sessions_active_created" ON "bff_sessions" ("created_at") WHERE "revoked_at" IS NULL`);
    // Retention: sessions that ended long ago.
    await queryRunner.query(`CREATE INDEX "idx_bff_sessions_expires" ON "bff_sessions" ("expires_at")`);
    await queryRunner.query(`CREATE INDEX "idx_bff_sessions_revoked" ON "bff_sessions" ("revoked_at") WHERE "revoked_at" IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE "bff_audit_events" (
        "id" BIGSERIAL NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "type" character varying(64) NOT NULL,
        "user_id" integer,
        "session_id" uuid,
        "actor" character varying(64),
        "reason" character varying(64),
        "ip" character varying(64),
        "user_agent" character varying(512),
        "request_id" character varying(128),
        "details" jsonb,
        CONSTRAINT "PK_bff_audit_events" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_bff_audit_occurred" ON "bff_audit_events" ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "idx_bff_audit_user_occurred" ON "bff_audit_events" ("user_id", "occurred_at")`);
    await queryRunner.query(`CREATE INDEX "idx_bff_audit_session_occurred" ON "bff_audit_events" ("session_id", "occurred_at")`);
    await queryRunner.query(`CREATE INDEX "idx_bff_audit_type_occurred" ON "bff_audit_events" ("type", "occurred_at")`);
    // Append-only: history is never rewritten. Rows only leave through the retention job's DELETE.
    await queryRunner.query(`
      CREATE FUNCTION "bff_audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'bff_audit_events is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "bff_audit_events_no_update" BEFORE UPDATE ON "bff_audit_events"
      FOR EACH ROW EXECUTE FUNCTION "bff_audit_events_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bff_audit_events"`);
    await queryRunner.query(`DROP FUNCTION "bff_audit_events_append_only"()`);
    await queryRunner.query(`DROP INDEX "idx_bff_sessions_revoked"`);
    await queryRunner.query(`DROP INDEX "idx_bff_sessions_expires"`);
    await queryRunner.query(`DROP INDEX "idx_bff_sessions_active_created"`);
    await queryRunner.query(`DROP INDEX "idx_bff_sessions_created"`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" DROP COLUMN "revoke_note"`);
  }
}
