import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second factors and step-up (issue 12): TOTP factors (secrets sealed), recovery codes (hashes
 * only), sign-ins waiting for a second factor (the mfaToken's hash, Strapi's credentials sealed),
 * and each session's assurance: level, methods and the time of its last authentication. Existing
 * sessions count as password sign-ins at aal1, authenticated when they were created.
 */
export class MultiFactor1764960000000 implements MigrationInterface {
  name = 'MultiFactor1764960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bff_totp_factors" ("id" uuid NOT NULL, "user_id" integer NOT NULL, "user_document_id" character varying(64), "secret_enc" text NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bff_totp_factors" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_bff_totp_factors_user" ON "bff_totp_factors" ("user_id", "user_document_id")`);
    await queryRunner.query(
      `CREATE TABLE "bff_recovery_codes" ("id" uuid NOT NULL, "user_id" integer NOT NULL, "user_document_id" character varying(64), "code_hash" character varying(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bff_recovery_codes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_bff_recovery_codes_user" ON "bff_recovery_codes" ("user_id", "user_document_id")`);
    await queryRunner.query(
      `CREATE TABLE "bff_mfa_challenges" ("id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "purpose" character varying(16) NOT NULL, "flow" character varying(16) NOT NULL, "user_id" integer NOT NULL, "user_document_id" character varying(64), "session_id" uuid, "pending_enc" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" character varying(16), CONSTRAINT "PK_bff_mfa_challenges" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_bff_mfa_challenges_token" ON "bff_mfa_challenges" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "idx_bff_mfa_challenges_expires" ON "bff_mfa_challenges" ("expires_at")`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" ADD "aal" smallint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" ADD "amr" character varying(64) NOT NULL DEFAULT 'pwd'`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" ADD "auth_time" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "bff_sessions" SET "auth_time" = "created_at"`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" ALTER COLUMN "auth_time" SET NOT NULL`);
    // For rows written without it, e.g. by an instance of the previous release during a rolling upgrade.
    await queryRunner.query(`ALTER TABLE "bff_sessions" ALTER COLUMN "auth_time" SET DEFAULT now()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bff_sessions" DROP COLUMN "auth_time"`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" DROP COLUMN "amr"`);
    await queryRunner.query(`ALTER TABLE "bff_sessions" DROP COLUMN "aal"`);
    await queryRunner.query(`DROP TABLE "bff_mfa_challenges"`);
    await queryRunner.query(`DROP TABLE "bff_recovery_codes"`);
    await queryRunner.query(`DROP TABLE "bff_totp_factors"`);
  }
}
