// api-docs-files.ts is left out on purpose: it loads prettier (a dev tool) and serves only the
// docs script and its test, which import it directly.
export { API_ROUTE_DOCS, apiDocument } from "./api-document.ts";
export { buildOpenApi, openApiPath, operationIdOf } from "./build-openapi.ts";
export type { ApiDescription } from "./build-openapi.ts";
export type { JsonSchema, OpenApiDocument, OpenApiOperation } from "./openapi-types.ts";
export { openapiRoutes } from "./openapi-routes.ts";
export type { OpenapiRoutesOptions } from "./openapi-routes.ts";
export { renderDocsHtml } from "./render-docs-html.ts";
export { renderMarkdown } from "./render-markdown.ts";
export { TAGS } from "./route-doc.ts";
export type { BodyDoc, ResponseDoc, RouteDoc, RouteRole } from "./route-doc.ts";
