package dev.camelzest.sandbox.system;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.http.OpenApiDocument;

/**
 * GET /docs: a self-contained HTML page listing every operation of the OpenAPI document (Zest serves
 * Swagger UI here; the sandbox loads nothing from outside, so it renders the list itself).
 */
public final class ApiDocs implements ApiHandler {

    private final ApiResponse page = ApiResponse.text(200, "text/html; charset=utf-8", render());

    @Override
    public ApiResponse handle(ApiRequest request) {
        return page;
    }

    private static String render() {
        JsonNode document;
        try {
            document = Json.readTree(OpenApiDocument.bytes());
        } catch (IOException e) {
            throw new IllegalStateException("the packaged OpenAPI document is not JSON", e);
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(document.path("info").path("title").asText("Zest Partner API")))
                .append(" (sandbox)</title></head><body><h1>")
                .append(escape(document.path("info").path("title").asText("Zest Partner API")))
                .append(" (sandbox)</h1><p>OpenAPI document: <a href=\"/openapi.json\">/openapi.json</a></p><table>")
                .append("<tr><th>Method</th><th>Path</th><th>Summary</th></tr>");
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> html.append("<tr><td>")
                    .append(escape(operation.getKey().toUpperCase(java.util.Locale.ROOT))).append("</td><td><code>")
                    .append(escape(path.getKey())).append("</code></td><td>")
                    .append(escape(operation.getValue().path("summary").asText(""))).append("</td></tr>"));
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
