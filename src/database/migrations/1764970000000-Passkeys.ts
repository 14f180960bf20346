import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Passkeys (WebAuthn) as a second factor: credential id, public key, signature counter and transports. */
export class Passkeys1764970000000 implements MigrationInterface {
  name = 'Passkeys1764970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bff_passkeys" ("id" uuid NOT NULL, "user_id" integer NOT NULL, "user_document_id" character varying(64), "credential_id" character varying(1024) NOT NULL, "public_key" text NOT NULL, "counter" bigint NOT NULL DEFAULT 0, "transports" character varying(255) NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bff_passkeys" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_bff_passkeys_credential" ON "bff_passkeys" ("credential_id")`);
    await queryRunner.query(`CREATE INDEX "idx_bff_passkeys_user" ON "bff_passkeys" ("user_id", "user_document_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bff_passkeys"`);
  }
}
