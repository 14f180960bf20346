'use strict';

// strapi::favicon and strapi::public are required: without them the boot fails.
module.exports = ({ env }) => [
  // The BFF's path-parity tests read what Strapi routed (src/middlewares/route-echo.js).
  ...(env.bool('FIXTURE_ROUTE_ECHO', false) ? ['global::route-echo'] : []),
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    // Room for the proxy's 50 MB streaming-upload test.
    config: { formLimit: '256mb', jsonLimit: '1mb', textLimit: '1mb', formidable: { maxFileSize: 256 * 1024 * 1024 } },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
