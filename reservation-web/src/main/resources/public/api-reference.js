// Renders the served OpenAPI document with Swagger UI (bundled from the org.webjars:swagger-ui jar,
// served by this app: no CDN). An external file, as the app's CSP allows no inline script.
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#api-reference",
    deepLinking: true,
    // "Try it out" sends real requests with the credentials the reader types in
    tryItOutEnabled: false,
    validatorUrl: null
  });
});
