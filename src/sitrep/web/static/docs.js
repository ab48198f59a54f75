// Starts Swagger UI (served from the installed swagger-ui-bundle package) on the API description.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  if (root && window.SwaggerUIBundle) {
    window.SwaggerUIBundle({ url: root.dataset.spec, dom_id: "#swagger-ui", deepLinking: false });
  }
});
