import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessions1764400000000 implements MigrationInterface {
  name = 'CreateSessions1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "bff_sessions" (
        "id" uuid NOT NULL,
        "user_id" integer NOT NULL,
        "user_document_id" character varying(64),
        "username" character varying(255) NOT NULL,
        "email" character varying(255) NOT NULL,
        "role" character varying(100),
        "strapi_jwt_enc" text NOT NULL,
        "strapi_jwt_expires_at" TIMESTAMP WITH TIME ZONE,
        "device_name" character varying(100),
        "ip" character varying(64),
        "user_agent" character varying(512),
        "refresh_generation" integer NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_reason" character varying(64),
        "revoked_by" character varying(64),
        CONSTRAINT "PK_bff_sessions" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_bff_sessions_user_created" ON "bff_sessions" ("user_id", "created_at")`);
    await queryRunner.query(`
      CREATE TABLE "bff_refresh_tokens" (
        "token_hash" character(64) NOT NULL,
        "session_id" uuid NOT NULL,
        "generation" integer NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "rotated_at" TIMESTAMP WITH TIME ZONE,
        "successor_enc" text,
        CONSTRAINT "PK_bff_refresh_tokens" PRIMARY KEY ("token_hash"),
        CONSTRAINT "FK_bff_refresh_tokens_session" FOREIGN KEY ("session_id") REFERENCES "bff_sessions"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_bff_refresh_tokens_session_generation" ON "bff_refresh_tokens" ("session_id", "generation")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bff_refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "bff_sessions"`);
  }
}
