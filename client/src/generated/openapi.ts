/**
 * The BFF's API as TypeScript types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: change the controllers and DTOs, then run `npm run client:types`.
 */

export interface paths {
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with Strapi credentials and start a BFF session */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a Strapi account and start a session (or 202 when Strapi requires email confirmation) */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for new tokens; the refresh token rotates on every use */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session, identified by the Bearer access token or by a refresh token in the body */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password: every other session of the user ends; this one gets fresh tokens */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a reset code. Always 204, whether or not the address has an account */
        post: operations["forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the emailed code: every session of the user ends, and a new one starts */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/send-email-confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the email-confirmation link again. Always 204, whether or not the address has an account */
        post: operations["sendEmailConfirmation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/email-confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirm an email address with the token from the confirmation link */
        get: operations["confirmEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/providers/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finish a provider sign-in (GitHub, Google, … as configured in Strapi): pass on the query Strapi’s provider redirect gave your app */
        get: operations["providerCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the current session */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish a sign-in that answered `mfaRequired`: the mfaToken and a second factor in, the session’s tokens out */
        post: operations["verifyMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/verify/passkey-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** WebAuthn options for answering a sign-in’s challenge with a passkey (then POST /auth/mfa/verify with method `passkey`) */
        post: operations["passkeySignInOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/enrollment/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a sign-in that answered `mfaEnrollmentRequired`: start setting up an authenticator app with the mfaToken */
        post: operations["beginMfaEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/enrollment/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The first code from the app: turns TOTP on, answers the recovery codes (once) and completes the sign-in */
        post: operations["confirmMfaEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your second factors: what is set up, recovery codes left, whether your role requires one */
        get: operations["getMfaStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start setting up an authenticator app (TOTP): the secret, its otpauth URL and a QR code */
        post: operations["beginTotp"];
        /** Turn TOTP off (needs a re-authentication within REAUTH_MAX_AGE) */
        delete: operations["disableTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn TOTP on with the app’s first code; answers the ten recovery codes, once. This session becomes aal2 */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/passkeys/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** WebAuthn options for registering a passkey as a second factor (needs a re-authentication within REAUTH_MAX_AGE) */
        post: operations["passkeyRegistrationOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register the passkey the browser created with those options */
        post: operations["registerPasskey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ten new recovery codes; the old ones stop working (needs a re-authentication within REAUTH_MAX_AGE) */
        post: operations["regenerateRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/reauthenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Prove it is still you, on this session: sensitive actions are then allowed for REAUTH_MAX_AGE; a second factor raises the session to aal2 */
        post: operations["reauthenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The database answers
         * @description 200 while Postgres answers, with Strapi's state in `checks` (`status: degraded` while Strapi is down). 503 `not_ready` with `details.checks` when Postgres does not answer, or Strapi does not and READY_REQUIRES_STRAPI=true.
         */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find sessions, e.g. a user’s active ones (`q=alice@example.com`, `userId=3&status=active`) */
        get: operations["adminListSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One session, with its revocation reason and actor */
        get: operations["adminGetSession"];
        put?: never;
        post?: never;
        /** Revoke one session; it stops working everywhere within a second */
        delete: operations["adminRevokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user’s sessions, the user named by id, email or username */
        get: operations["adminListUserSessions"];
        put?: never;
        post?: never;
        /** Revoke every session of a user, named by id, email or username */
        delete: operations["adminRevokeUserSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Reset a user’s second factors after they lost their device; ends their sessions */
        delete: operations["adminResetMfa"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first */
        get: operations["adminListAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify BFF access tokens (current key plus any still in rotation overlap) */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where you are signed in: your active sessions, with `current: true` on this one */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        /** Sign out other devices (`scope=others`) or everywhere (`scope=all`) */
        delete: operations["revokeSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Call Strapi’s REST API as the session’s user
         * @description Forwarded to Strapi with the same path, query string and body. With a BFF access token the request acts as that session’s user (the BFF attaches its Strapi JWT); without one it is anonymous (Strapi’s public role). Strapi’s status and body come back unchanged; `Set-Cookie` is stripped. `/api/auth/**` and `/api/connect/**` are never forwarded, nor are GraphQL’s users-permissions auth mutations (403 `not_proxied`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Any Strapi REST path after /api/, slashes included, e.g. `articles` or `users/me` */
                    path: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Strapi’s response, unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 400,
                         *       "code": "invalid_path",
                         *       "message": "The request path is refused: encoded slash",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 401,
                         *       "code": "session_revoked",
                         *       "message": "This session has been revoked",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 403,
                         *       "code": "csrf_required",
                         *       "message": "Cookie-authenticated writes need the header X-CSRF: 1",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/* */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 404,
                         *       "code": "not_proxied",
                         *       "message": "Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded */
                405: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 405,
                         *       "code": "method_not_allowed",
                         *       "message": "TRACE is not forwarded to Strapi",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `payload_too_large`: the body is over PROXY_BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 413,
                         *       "code": "payload_too_large",
                         *       "message": "The request body is larger than 52428800 bytes",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `rate_limited`: over PROXY_RATE_LIMIT (when set), with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 429,
                         *       "code": "rate_limited",
                         *       "message": "Too many attempts; try again later",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 503,
                         *       "code": "upstream_unavailable",
                         *       "message": "Strapi is unavailable; try again shortly",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 504,
                         *       "code": "upstream_timeout",
                         *       "message": "Strapi did not answer in time",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
            };
        };
        /**
         * Call Strapi’s REST API as the session’s user
         * @description Forwarded to Strapi with the same path, query string and body. With a BFF access token the request acts as that session’s user (the BFF attaches its Strapi JWT); without one it is anonymous (Strapi’s public role). Strapi’s status and body come back unchanged; `Set-Cookie` is stripped. `/api/auth/**` and `/api/connect/**` are never forwarded, nor are GraphQL’s users-permissions auth mutations (403 `not_proxied`).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Any Strapi REST path after /api/, slashes included, e.g. `articles` or `users/me` */
                    path: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Strapi’s response, unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 400,
                         *       "code": "invalid_path",
                         *       "message": "The request path is refused: encoded slash",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 401,
                         *       "code": "session_revoked",
                         *       "message": "This session has been revoked",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 403,
                         *       "code": "csrf_required",
                         *       "message": "Cookie-authenticated writes need the header X-CSRF: 1",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/* */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 404,
                         *       "code": "not_proxied",
                         *       "message": "Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded */
                405: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 405,
                         *       "code": "method_not_allowed",
                         *       "message": "TRACE is not forwarded to Strapi",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `payload_too_large`: the body is over PROXY_BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 413,
                         *       "code": "payload_too_large",
                         *       "message": "The request body is larger than 52428800 bytes",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `rate_limited`: over PROXY_RATE_LIMIT (when set), with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 429,
                         *       "code": "rate_limited",
                         *       "message": "Too many attempts; try again later",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 503,
                         *       "code": "upstream_unavailable",
                         *       "message": "Strapi is unavailable; try again shortly",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 504,
                         *       "code": "upstream_timeout",
                         *       "message": "Strapi did not answer in time",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
            };
        };
        /**
         * Call Strapi’s REST API as the session’s user
         * @description Forwarded to Strapi with the same path, query string and body. With a BFF access token the request acts as that session’s user (the BFF attaches its Strapi JWT); without one it is anonymous (Strapi’s public role). Strapi’s status and body come back unchanged; `Set-Cookie` is stripped. `/api/auth/**` and `/api/connect/**` are never forwarded, nor are GraphQL’s users-permissions auth mutations (403 `not_proxied`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Any Strapi REST path after /api/, slashes included, e.g. `articles` or `users/me` */
                    path: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Strapi’s response, unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 400,
                         *       "code": "invalid_path",
                         *       "message": "The request path is refused: encoded slash",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 401,
                         *       "code": "session_revoked",
                         *       "message": "This session has been revoked",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 403,
                         *       "code": "csrf_required",
                         *       "message": "Cookie-authenticated writes need the header X-CSRF: 1",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/* */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 404,
                         *       "code": "not_proxied",
                         *       "message": "Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded */
                405: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 405,
                         *       "code": "method_not_allowed",
                         *       "message": "TRACE is not forwarded to Strapi",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `payload_too_large`: the body is over PROXY_BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 413,
                         *       "code": "payload_too_large",
                         *       "message": "The request body is larger than 52428800 bytes",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `rate_limited`: over PROXY_RATE_LIMIT (when set), with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 429,
                         *       "code": "rate_limited",
                         *       "message": "Too many attempts; try again later",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 503,
                         *       "code": "upstream_unavailable",
                         *       "message": "Strapi is unavailable; try again shortly",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 504,
                         *       "code": "upstream_timeout",
                         *       "message": "Strapi did not answer in time",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
            };
        };
        /**
         * Call Strapi’s REST API as the session’s user
         * @description Forwarded to Strapi with the same path, query string and body. With a BFF access token the request acts as that session’s user (the BFF attaches its Strapi JWT); without one it is anonymous (Strapi’s public role). Strapi’s status and body come back unchanged; `Set-Cookie` is stripped. `/api/auth/**` and `/api/connect/**` are never forwarded, nor are GraphQL’s users-permissions auth mutations (403 `not_proxied`).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Any Strapi REST path after /api/, slashes included, e.g. `articles` or `users/me` */
                    path: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Strapi’s response, unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 400,
                         *       "code": "invalid_path",
                         *       "message": "The request path is refused: encoded slash",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 401,
                         *       "code": "session_revoked",
                         *       "message": "This session has been revoked",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 403,
                         *       "code": "csrf_required",
                         *       "message": "Cookie-authenticated writes need the header X-CSRF: 1",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/* */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 404,
                         *       "code": "not_proxied",
                         *       "message": "Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded */
                405: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 405,
                         *       "code": "method_not_allowed",
                         *       "message": "TRACE is not forwarded to Strapi",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `payload_too_large`: the body is over PROXY_BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 413,
                         *       "code": "payload_too_large",
                         *       "message": "The request body is larger than 52428800 bytes",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `rate_limited`: over PROXY_RATE_LIMIT (when set), with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 429,
                         *       "code": "rate_limited",
                         *       "message": "Too many attempts; try again later",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 503,
                         *       "code": "upstream_unavailable",
                         *       "message": "Strapi is unavailable; try again shortly",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 504,
                         *       "code": "upstream_timeout",
                         *       "message": "Strapi did not answer in time",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Call Strapi’s REST API as the session’s user
         * @description Forwarded to Strapi with the same path, query string and body. With a BFF access token the request acts as that session’s user (the BFF attaches its Strapi JWT); without one it is anonymous (Strapi’s public role). Strapi’s status and body come back unchanged; `Set-Cookie` is stripped. `/api/auth/**` and `/api/connect/**` are never forwarded, nor are GraphQL’s users-permissions auth mutations (403 `not_proxied`).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Any Strapi REST path after /api/, slashes included, e.g. `articles` or `users/me` */
                    path: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Strapi’s response, unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 400,
                         *       "code": "invalid_path",
                         *       "message": "The request path is refused: encoded slash",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 401,
                         *       "code": "session_revoked",
                         *       "message": "This session has been revoked",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 403,
                         *       "code": "csrf_required",
                         *       "message": "Cookie-authenticated writes need the header X-CSRF: 1",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/* */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 404,
                         *       "code": "not_proxied",
                         *       "message": "Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded */
                405: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 405,
                         *       "code": "method_not_allowed",
                         *       "message": "TRACE is not forwarded to Strapi",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `payload_too_large`: the body is over PROXY_BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 413,
                         *       "code": "payload_too_large",
                         *       "message": "The request body is larger than 52428800 bytes",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `rate_limited`: over PROXY_RATE_LIMIT (when set), with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 429,
                         *       "code": "rate_limited",
                         *       "message": "Too many attempts; try again later",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 503,
                         *       "code": "upstream_unavailable",
                         *       "message": "Strapi is unavailable; try again shortly",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 504,
                         *       "code": "upstream_timeout",
                         *       "message": "Strapi did not answer in time",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/graphql": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Call Strapi’s GraphQL API as the session’s user
         * @description Forwarded to Strapi with the same path, query string and body. With a BFF access token the request acts as that session’s user (the BFF attaches its Strapi JWT); without one it is anonymous (Strapi’s public role). Strapi’s status and body come back unchanged; `Set-Cookie` is stripped. `/api/auth/**` and `/api/connect/**` are never forwarded, nor are GraphQL’s users-permissions auth mutations (403 `not_proxied`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Strapi’s response, unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 400,
                         *       "code": "invalid_path",
                         *       "message": "The request path is refused: encoded slash",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 401,
                         *       "code": "session_revoked",
                         *       "message": "This session has been revoked",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 403,
                         *       "code": "csrf_required",
                         *       "message": "Cookie-authenticated writes need the header X-CSRF: 1",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/* */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 404,
                         *       "code": "not_proxied",
                         *       "message": "Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded */
                405: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 405,
                         *       "code": "method_not_allowed",
                         *       "message": "TRACE is not forwarded to Strapi",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `payload_too_large`: the body is over PROXY_BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 413,
                         *       "code": "payload_too_large",
                         *       "message": "The request body is larger than 52428800 bytes",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `rate_limited`: over PROXY_RATE_LIMIT (when set), with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 429,
                         *       "code": "rate_limited",
                         *       "message": "Too many attempts; try again later",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 503,
                         *       "code": "upstream_unavailable",
                         *       "message": "Strapi is unavailable; try again shortly",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 504,
                         *       "code": "upstream_timeout",
                         *       "message": "Strapi did not answer in time",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Call Strapi’s GraphQL API as the session’s user
         * @description Forwarded to Strapi with the same path, query string and body. With a BFF access token the request acts as that session’s user (the BFF attaches its Strapi JWT); without one it is anonymous (Strapi’s public role). Strapi’s status and body come back unchanged; `Set-Cookie` is stripped. `/api/auth/**` and `/api/connect/**` are never forwarded, nor are GraphQL’s users-permissions auth mutations (403 `not_proxied`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Strapi’s response, unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 400,
                         *       "code": "invalid_path",
                         *       "message": "The request path is refused: encoded slash",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 401,
                         *       "code": "session_revoked",
                         *       "message": "This session has been revoked",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 403,
                         *       "code": "csrf_required",
                         *       "message": "Cookie-authenticated writes need the header X-CSRF: 1",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/* */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 404,
                         *       "code": "not_proxied",
                         *       "message": "Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded */
                405: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 405,
                         *       "code": "method_not_allowed",
                         *       "message": "TRACE is not forwarded to Strapi",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `payload_too_large`: the body is over PROXY_BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 413,
                         *       "code": "payload_too_large",
                         *       "message": "The request body is larger than 52428800 bytes",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `rate_limited`: over PROXY_RATE_LIMIT (when set), with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 429,
                         *       "code": "rate_limited",
                         *       "message": "Too many attempts; try again later",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 503,
                         *       "code": "upstream_unavailable",
                         *       "message": "Strapi is unavailable; try again shortly",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
                /** @description `upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "statusCode": 504,
                         *       "code": "upstream_timeout",
                         *       "message": "Strapi did not answer in time",
                         *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                         *     }
                         */
                        "application/json": components["schemas"]["ErrorEnvelopeDto"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SessionRefDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Absolute end of the session
             */
            expiresAt: string;
        };
        UserDto: {
            /** @example 3 */
            id: number;
            /** @example k3fy2b0q8v2wq1x5c7n9m4p6 */
            documentId: string | null;
            /** @example alice */
            username: string;
            /** @example alice@example.com */
            email: string;
            /**
             * @description The Strapi role `type`
             * @example authenticated
             */
            role: string | null;
        };
        TokenResponseDto: {
            /** @description ES256-signed JWT; send as `Authorization: Bearer …` */
            accessToken: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description Opaque, single-use; exchange at POST /auth/refresh */
            refreshToken: string;
            /**
             * @description Seconds until the refresh token expires (idle or absolute, whichever comes first)
             * @example 604800
             */
            refreshExpiresIn: number;
            session: components["schemas"]["SessionRefDto"];
            user: components["schemas"]["UserDto"];
        };
        SignInResponseDto: {
            /** @description ES256-signed JWT; send as `Authorization: Bearer …` */
            accessToken: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description Opaque, single-use; exchange at POST /auth/refresh */
            refreshToken: string;
            /**
             * @description Seconds until the refresh token expires (idle or absolute, whichever comes first)
             * @example 604800
             */
            refreshExpiresIn: number;
            session: components["schemas"]["SessionRefDto"];
            user: components["schemas"]["UserDto"];
            /** @description Present this as `deviceToken` at the next sign-in on this device (cookie mode: the `__Host-bff-device` cookie): the device stays exempt from lockouts that failed attempts from elsewhere cause. Lives DEVICE_TOKEN_TTL */
            deviceToken: string;
        };
        ConfirmationRequiredDto: {
            /**
             * @example true
             * @enum {boolean}
             */
            confirmationRequired: true;
        };
        MfaChallengeDto: {
            /**
             * @description Answer with a second factor at POST /auth/mfa/verify
             * @enum {boolean}
             */
            mfaRequired?: true;
            /**
             * @description The role requires a second factor the user has not set up: enrol at POST /auth/mfa/enrollment/totp
             * @enum {boolean}
             */
            mfaEnrollmentRequired?: true;
            /** @description Opaque, single use, lives MFA_CHALLENGE_TTL */
            mfaToken: string;
            methods: ("totp" | "recovery_code" | "passkey")[];
            /**
             * @description Seconds until the mfaToken expires
             * @example 300
             */
            expiresIn: number;
        };
        LoginDto: {
            /**
             * @description Username or email, as Strapi accepts it
             * @example alice@example.com
             */
            identifier: string;
            /**
             * Format: password
             * @example Passw0rd!
             */
            password: string;
            /**
             * @description A label the user will recognise in their session list
             * @example Alice’s laptop
             */
            deviceName?: string;
            /** @description The `deviceToken` of an earlier sign-in on this device: it keeps the device signing in while the account is locked by failed attempts from elsewhere. In cookie mode the `__Host-bff-device` cookie carries it */
            deviceToken?: string;
        };
        ValidationIssueDto: {
            /** @example identifier */
            field: string;
            /**
             * @example [
             *       "identifier must be a string"
             *     ]
             */
            errors: string[];
        };
        ValidationErrorEnvelopeDto: {
            /** @example 401 */
            statusCode: number;
            /**
             * @description Stable, machine-readable error code
             * @example invalid_credentials
             */
            code: string;
            /** @example Invalid identifier or password */
            message: string;
            /**
             * @description Also in the x-request-id response header
             * @example 5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a
             */
            requestId: string;
            details?: components["schemas"]["ValidationIssueDto"][];
        };
        ErrorEnvelopeDto: {
            /** @example 401 */
            statusCode: number;
            /**
             * @description Stable, machine-readable error code
             * @example invalid_credentials
             */
            code: string;
            /** @example Invalid identifier or password */
            message: string;
            /**
             * @description Also in the x-request-id response header
             * @example 5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a
             */
            requestId: string;
        };
        RegisterDto: {
            /** @example newuser */
            username: string;
            /** @example newuser@example.com */
            email: string;
            /**
             * Format: password
             * @example Passw0rd!
             */
            password: string;
            /** @example Phone */
            deviceName?: string;
        };
        RefreshDto: {
            /**
             * @description The refresh token from the last token response. In cookie mode, leave it out: the refresh cookie is used
             * @example bffrt_…
             */
            refreshToken?: string;
        };
        LogoutDto: {
            /** @description Alternative to the Bearer access token: any refresh token of the session */
            refreshToken?: string;
        };
        ChangePasswordDto: {
            /** Format: password */
            password: string;
            /** Format: password */
            passwordConfirmation: string;
            /** Format: password */
            currentPassword: string;
        };
        EmailDto: {
            /** @example alice@example.com */
            email: string;
        };
        ResetPasswordDto: {
            /** Format: password */
            password: string;
            /** Format: password */
            passwordConfirmation: string;
            /** @description The code from the reset email */
            code: string;
        };
        CurrentSessionDto: {
            /** Format: uuid */
            id: string;
            deviceName: string | null;
            ip: string | null;
            userAgent: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Last refresh
             */
            lastUsedAt: string;
            /**
             * Format: date-time
             * @description Absolute end of the session
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description When the refresh token stops working if unused
             */
            refreshExpiresAt: string;
        };
        MeResponseDto: {
            user: components["schemas"]["UserDto"];
            session: components["schemas"]["CurrentSessionDto"];
        };
        MfaVerifyDto: {
            /** @description The `mfaToken` a sign-in answered */
            mfaToken: string;
            /**
             * @example totp
             * @enum {string}
             */
            method: "totp" | "recovery_code" | "passkey";
            /**
             * @description `totp`: the 6-digit code; `recovery_code`: one of the recovery codes
             * @example 123456
             */
            code?: string;
            /** @description `passkey`: the WebAuthn assertion (navigator.credentials.get(), as JSON) */
            passkey?: Record<string, never>;
            /** @description `passkey`: the `state` that came with the options (POST /auth/mfa/verify/passkey-options) */
            passkeyState?: string;
        };
        MfaVerifiedDto: {
            /** @description ES256-signed JWT; send as `Authorization: Bearer …` */
            accessToken: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description Opaque, single-use; exchange at POST /auth/refresh */
            refreshToken: string;
            /**
             * @description Seconds until the refresh token expires (idle or absolute, whichever comes first)
             * @example 604800
             */
            refreshExpiresIn: number;
            session: components["schemas"]["SessionRefDto"];
            user: components["schemas"]["UserDto"];
            /**
             * @description After a recovery code: how many are left
             * @example 9
             */
            recoveryCodesLeft?: number;
            /** @description After a password sign-in: see POST /auth/login */
            deviceToken?: string;
        };
        MfaTokenDto: {
            /** @description The `mfaToken` a sign-in answered */
            mfaToken: string;
        };
        PasskeyOptionsDto: {
            /** @description For navigator.credentials.create() / get() (WebAuthn JSON form) */
            options: Record<string, never>;
            /** @description Send back with the browser’s answer */
            state: string;
        };
        TotpEnrolmentDto: {
            /** @description Base32 secret, for typing into an authenticator app by hand */
            secret: string;
            /** @example otpauth://totp/strapi-auth-bff:alice%40example.com?secret=… */
            otpauthUrl: string;
            /** @description The otpauthUrl as an SVG QR code */
            qrSvg: string;
        };
        MfaEnrolmentConfirmDto: {
            /** @description The `mfaToken` a sign-in answered */
            mfaToken: string;
            /**
             * @description The 6-digit code the authenticator app shows
             * @example 123456
             */
            code: string;
        };
        SignedInWithRecoveryCodesDto: {
            /** @description ES256-signed JWT; send as `Authorization: Bearer …` */
            accessToken: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description Opaque, single-use; exchange at POST /auth/refresh */
            refreshToken: string;
            /**
             * @description Seconds until the refresh token expires (idle or absolute, whichever comes first)
             * @example 604800
             */
            refreshExpiresIn: number;
            session: components["schemas"]["SessionRefDto"];
            user: components["schemas"]["UserDto"];
            /** @description Ten single-use codes. Shown once */
            recoveryCodes: string[];
        };
        MfaStatusDto: {
            /** @description An authenticator app (TOTP) is on */
            totp: boolean;
            /** @description Registered passkeys */
            passkeys: number;
            recoveryCodesLeft: number;
            /** @description The user’s role requires a second factor (MFA_REQUIRED_ROLES) */
            required: boolean;
            methods: ("totp" | "recovery_code" | "passkey")[];
        };
        MfaCodeDto: {
            /**
             * @description The 6-digit code the authenticator app shows
             * @example 123456
             */
            code: string;
        };
        RecoveryCodesDto: {
            /**
             * @description Ten single-use codes. Shown once: only their hashes are kept
             * @example [
             *       "7kq2-m9xd-4hrt"
             *     ]
             */
            recoveryCodes: string[];
        };
        PasskeyRegistrationDto: {
            /** @description The `state` that came with the options */
            state: string;
            /** @description The new credential (navigator.credentials.create(), as JSON) */
            response: Record<string, never>;
        };
        PasskeyRegisteredDto: {
            /** Format: uuid */
            id: string;
            /** @description When this is the first factor: ten recovery codes, shown once */
            recoveryCodes?: string[];
        };
        ReauthenticateDto: {
            /**
             * Format: password
             * @description The account password (accounts without a second factor)
             */
            password?: string;
            /**
             * @description A second factor (required when the account has one); raises the session to aal2
             * @enum {string}
             */
            method?: "totp" | "recovery_code";
            code?: string;
        };
        ReauthenticatedDto: {
            /** @enum {number} */
            aal: 1 | 2;
            /**
             * @example [
             *       "pwd",
             *       "otp"
             *     ]
             */
            amr: string[];
            /** Format: date-time */
            authTime: string;
            /**
             * Format: date-time
             * @description Sensitive actions are allowed until then (REAUTH_MAX_AGE)
             */
            freshUntil: string;
            /** @description After a recovery code: how many are left */
            recoveryCodesLeft?: number;
        };
        LiveDto: {
            /** @example ok */
            status: string;
        };
        ReadyChecksDto: {
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            strapi: "up" | "down";
        };
        ReadyDto: {
            /**
             * @description `degraded`: Postgres answers and Strapi does not, so only what needs Strapi is refused
             * @enum {string}
             */
            status: "ok" | "degraded";
            checks: components["schemas"]["ReadyChecksDto"];
        };
        AdminSessionDto: {
            /** Format: uuid */
            id: string;
            userId: number;
            username: string;
            email: string;
            role: string | null;
            /** @enum {string} */
            status: "active" | "revoked" | "expired";
            deviceName: string | null;
            ip: string | null;
            userAgent: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description How many times the refresh token was rotated */
            refreshCount: number;
            /**
             * @description Assurance level: 2 once a second factor answered
             * @enum {number}
             */
            aal: 1 | 2;
            /**
             * @description How the user authenticated (RFC 8176)
             * @example [
             *       "pwd",
             *       "otp"
             *     ]
             */
            amr: string[];
            /**
             * Format: date-time
             * @description The last sign-in or re-authentication
             */
            authTime: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @example admin_revoked */
            revokedReason: string | null;
            /** @example admin:7 */
            revokedBy: string | null;
            revokeNote: string | null;
        };
        PageMetaDto: {
            page: number;
            pageSize: number;
            /** @description Matching rows, counted exactly up to 1,000 */
            total: number;
            /** @description False when there are more than 1,000 matches (`total` is then 1,000) */
            totalExact: boolean;
        };
        AdminSessionPageDto: {
            data: components["schemas"]["AdminSessionDto"][];
            meta: components["schemas"]["PageMetaDto"];
        };
        AdminRevokeDto: {
            /**
             * @description Why, for the audit trail
             * @example Reported stolen laptop
             */
            reason?: string;
        };
        RevokedCountDto: {
            /** @example 2 */
            revoked: number;
        };
        AuditEventDto: {
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** @enum {string} */
            type: "login_succeeded" | "login_failed" | "registered" | "refresh_token_reused" | "refresh_token_replayed" | "session_revoked" | "admin_user_sessions_revoked" | "password_changed" | "password_reset" | "login_throttled" | "account_locked" | "email_delivery_failed" | "mfa_challenge_started" | "mfa_verified" | "mfa_failed" | "mfa_challenge_ended" | "mfa_locked" | "mfa_enabled" | "mfa_disabled" | "recovery_code_used" | "recovery_codes_regenerated" | "reauthenticated" | "admin_mfa_reset" | "passkey_registered" | "passkey_clone_detected";
            userId: number | null;
            sessionId: string | null;
            /** @example admin:7 */
            actor: string | null;
            reason: string | null;
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            details: Record<string, never> | null;
        };
        AuditEventPageDto: {
            data: components["schemas"]["AuditEventDto"][];
            meta: components["schemas"]["PageMetaDto"];
        };
        JwkDto: {
            /** @example EC */
            kty: string;
            /** @example P-256 */
            crv: string;
            x: string;
            y: string;
            /** @description RFC 7638 thumbprint of the key */
            kid: string;
            /** @example sig */
            use: string;
            /** @example ES256 */
            alg: string;
        };
        JwksDto: {
            keys: components["schemas"]["JwkDto"][];
        };
        MySessionDto: {
            /** Format: uuid */
            id: string;
            /** @example Alice’s laptop */
            deviceName: string | null;
            /** @example 203.0.113.7 */
            ip: string | null;
            userAgent: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Last refresh
             */
            lastUsedAt: string;
            /**
             * Format: date-time
             * @description Absolute end of the session
             */
            expiresAt: string;
            /** @description True for the session making this call */
            current: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description The session’s tokens; or, when a second factor is needed, `mfaRequired` / `mfaEnrollmentRequired` with an mfaToken */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInResponseDto"] | components["schemas"]["MfaChallengeDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `invalid_credentials` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "invalid_credentials",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked`, `email_not_confirmed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "rate_limited",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 502,
                     *       "code": "upstream_error",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_unavailable`, `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "upstream_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_timeout` */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 504,
                     *       "code": "upstream_timeout",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            /** @description Registered; the role requires a second factor, to be set up before the session starts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaChallengeDto"];
                };
            };
            /** @description Registered and signed in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Registered; the user must confirm their email first */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfirmationRequiredDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `weak_password` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `registration_disabled` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "registration_disabled",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "code": "account_exists",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "rate_limited",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 502,
                     *       "code": "upstream_error",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_unavailable`, `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "upstream_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_timeout` */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 504,
                     *       "code": "upstream_timeout",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `invalid_refresh_token`, `refresh_token_reused`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "invalid_refresh_token",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "rate_limited",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_unavailable`, `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "upstream_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LogoutDto"];
            };
        };
        responses: {
            /** @description The session is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `invalid_refresh_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description The session’s tokens; or, when a second factor is needed, `mfaRequired` / `mfaEnrollmentRequired` with an mfaToken */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"] | components["schemas"]["MfaChallengeDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `weak_password`, `invalid_current_password`, `passwords_do_not_match`, `password_unchanged` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description Error envelope with code `account_blocked`
             *
             *     Error envelope with code `reauth_required`
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable`, `upstream_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    forgotPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailDto"];
            };
        };
        responses: {
            /** @description Accepted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "rate_limited",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "upstream_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            /** @description The session’s tokens; or, when a second factor is needed, `mfaRequired` / `mfaEnrollmentRequired` with an mfaToken */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"] | components["schemas"]["MfaChallengeDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `weak_password`, `invalid_reset_code`, `passwords_do_not_match` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "rate_limited",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "upstream_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    sendEmailConfirmation: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailDto"];
            };
        };
        responses: {
            /** @description Accepted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "rate_limited",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "upstream_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    confirmEmail: {
        parameters: {
            query: {
                /** @description The token from the confirmation email */
                confirmation: string;
            };
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Confirmed; the user can sign in */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error envelope with code `validation_failed`, `invalid_confirmation_token` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "rate_limited",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "upstream_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    providerCallback: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session’s tokens; or, when a second factor is needed, `mfaRequired` / `mfaEnrollmentRequired` with an mfaToken */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"] | components["schemas"]["MfaChallengeDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `provider_rejected` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "provider_rejected",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `provider_disabled`, `account_blocked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "provider_disabled",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `upstream_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "upstream_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode" */
                "X-BFF-Transport"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponseDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    verifyMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaVerifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaVerifiedDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `mfa_not_enrolled` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `invalid_mfa_code`, `mfa_code_reused`, `invalid_mfa_token`, `passkey_rejected` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "invalid_mfa_code",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_enrollment_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "mfa_enrollment_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_locked` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "mfa_locked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    passkeySignInOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyOptionsDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `mfa_not_enrolled` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `invalid_mfa_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "invalid_mfa_token",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_enrollment_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "mfa_enrollment_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    beginMfaEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `invalid_mfa_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "invalid_mfa_token",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_already_enabled` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "code": "mfa_already_enabled",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    confirmMfaEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaEnrolmentConfirmDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedInWithRecoveryCodesDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `mfa_not_enrolled` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `invalid_mfa_code`, `mfa_code_reused`, `invalid_mfa_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "invalid_mfa_code",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_already_enabled` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "code": "mfa_already_enabled",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_locked` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "mfa_locked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getMfaStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaStatusDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    beginTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Nothing to send (`{}` or no body) */
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_already_enabled` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "code": "mfa_already_enabled",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    disableTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description TOTP is off */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error envelope with code `mfa_not_enrolled` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "mfa_not_enrolled",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description Error envelope with code `account_blocked`
             *
             *     Error envelope with code `reauth_required`
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaCodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `mfa_not_enrolled` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted`, `invalid_mfa_code` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_already_enabled` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "code": "mfa_already_enabled",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    passkeyRegistrationOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Nothing to send (`{}` or no body) */
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyOptionsDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description Error envelope with code `account_blocked`
             *
             *     Error envelope with code `reauth_required`
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    registerPasskey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyRegistrationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyRegisteredDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted`, `passkey_rejected` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description Error envelope with code `account_blocked`
             *
             *     Error envelope with code `reauth_required`
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    regenerateRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Nothing to send (`{}` or no body) */
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `mfa_not_enrolled` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description Error envelope with code `account_blocked`
             *
             *     Error envelope with code `reauth_required`
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    reauthenticate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReauthenticateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReauthenticatedDto"];
                };
            };
            /** @description Error envelope with code `validation_failed`, `mfa_not_enrolled` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted`, `invalid_mfa_code`, `mfa_code_reused`, `invalid_credentials` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked`, `mfa_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `mfa_locked` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "code": "mfa_locked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable`, `upstream_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    liveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveDto"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyDto"];
                };
            };
            /** @description Error envelope with code `not_ready` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "not_ready",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    adminListSessions: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Strapi user id */
                userId?: number;
                /** @description A user id, or the email or username the user signed in with (exact, case-insensitive), e.g. `alice@example.com` */
                q?: string;
                status?: "active" | "revoked" | "expired" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSessionPageDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked`, `forbidden`, `mfa_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    adminGetSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSessionDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked`, `forbidden`, `mfa_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "code": "not_found",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    adminRevokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AdminRevokeDto"];
            };
        };
        responses: {
            /** @description Revoked (or already ended) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `reauth_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "code": "not_found",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    adminListUserSessions: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "active" | "revoked" | "expired" | "all";
            };
            header?: never;
            path: {
                /** @description The Strapi user id, or the email or username the user signs in with (exact, case-insensitive) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSessionPageDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked`, `forbidden`, `mfa_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "code": "not_found",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    adminRevokeUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Strapi user id, or the email or username the user signs in with (exact, case-insensitive) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedCountDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `reauth_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "code": "not_found",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    adminResetMfa: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Strapi user id, or the email or username the user signs in with (exact, case-insensitive) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedCountDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `reauth_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "code": "not_found",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    adminListAuditEvents: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                userId?: number;
                sessionId?: string;
                type?: "login_succeeded" | "login_failed" | "registered" | "refresh_token_reused" | "refresh_token_replayed" | "session_revoked" | "admin_user_sessions_revoked" | "password_changed" | "password_reset" | "login_throttled" | "account_locked" | "email_delivery_failed" | "mfa_challenge_started" | "mfa_verified" | "mfa_failed" | "mfa_challenge_ended" | "mfa_locked" | "mfa_enabled" | "mfa_disabled" | "recovery_code_used" | "recovery_codes_regenerated" | "reauthenticated" | "admin_mfa_reset" | "passkey_registered" | "passkey_clone_detected";
                /** @description Inclusive */
                from?: string;
                /** @description Exclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked`, `forbidden`, `mfa_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwksDto"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MySessionDto"][];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    revokeSessions: {
        parameters: {
            query: {
                /** @description `others`: every session but this one; `all`: this one too */
                scope: "others" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedCountDto"];
                };
            };
            /** @description Error envelope with code `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "code": "validation_failed",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `reauth_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "reauth_required",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error envelope with code `unauthorized`, `invalid_access_token`, `session_expired`, `session_revoked`, `account_deleted` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "code": "unauthorized",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `account_blocked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "code": "account_blocked",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "code": "not_found",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Error envelope with code `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A human-readable explanation",
                     *       "requestId": "5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
}
