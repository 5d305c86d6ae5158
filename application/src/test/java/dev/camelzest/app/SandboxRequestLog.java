package dev.camelzest.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The embedded sandbox's request log (GET /sandbox/requests), counted per Zest operation. */
final class SandboxRequestLog {

    /** The operations of the component, by method and path, as the sandbox logs them. */
    private static final List<Route> ROUTES = List.of(
            new Route("exchangeToken", "POST", "/v1/oauth2/tokens"),
            new Route("tokenInfo", "GET", "/v1/oauth2/info"),
            new Route("createSpvRequest", "POST", "/v1/spv-requests"),
            new Route("listSpvRequests", "GET", "/v1/spv-requests"),
            new Route("getSpvRequest", "GET", "/v1/spv-requests/[^/]+"),
            new Route("cancelSpvRequest", "DELETE", "/v1/spv-requests/[^/]+"),
            new Route("bulkCreateInvestors", "POST", "/v1/investors"),
            new Route("createSubscriptions", "POST", "/v1/spvs/[^/]+/subscriptions"),
            new Route("uploadSubscriptionForm", "POST", "/v1/spvs/[^/]+/subscription/[^/]+/forms"),
            new Route("uploadFundingReceipt", "POST", "/v1/spvs/[^/]+/subscription/[^/]+/fundings"));

    private SandboxRequestLog() {
    }

    static Map<String, Long> callsPerOperation(URI sandbox) throws IOException, InterruptedException {
        String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.resolve("/sandbox/requests")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Long> calls = new TreeMap<>();
        for (JsonNode call : new ObjectMapper().readTree(json)) {
            String method = call.path("method").asText();
            String path = call.path("path").asText().replaceFirst("\\?.*", "");
            String operation = ROUTES.stream().filter(route -> route.matches(method, path)).map(Route::operation)
                    .findFirst().orElseThrow(() -> new AssertionError("no operation for " + method + " " + path));
            calls.merge(operation, 1L, Long::sum);
        }
        return calls;
    }

    /** The next matching call is answered with this status, before the sandbox does anything. */
    static void injectFault(URI sandbox, String method, String path, int status) throws IOException, InterruptedException {
        String fault = "{\"rate\":1.0,\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"status\":" + status
                + ",\"count\":1,\"delayMs\":0,\"afterCommit\":false}";
        int answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.resolve("/sandbox/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(fault)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (answered >= 300) {
            throw new AssertionError("the sandbox refused the fault: " + answered);
        }
    }

    private record Route(String operation, String method, String pathPattern) {

        boolean matches(String requestMethod, String path) {
            return method.equals(requestMethod) && Pattern.matches(pathPattern, path);
        }
    }
}
