package dev.camelzest.sandbox.http;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An injected failure for the next {@code count} calls matching {@code method} and {@code path} (a path
 * ending in {@code /**} matches every path under it). {@code status} 0 means no error, only the delay.
 * With {@code afterCommit} the operation runs and commits first, then its answer is replaced; without,
 * the operation never runs. {@code delayMs} holds the answer back. A {@code rate} below 1 strikes only that
 * share of the matching calls, at random (the others pass untouched and do not use up the count): a steady
 * fault mix for reliability runs.
 */
public record Fault(String method, String path, int status, int count, long delayMs, boolean afterCommit,
                    double rate) {

    public Fault(String method, String path, int status, int count, long delayMs, boolean afterCommit) {
        this(method, path, status, count, delayMs, afterCommit, 1.0);
    }

    /** The admin API's JSON: only method and path are required; count defaults to 1, rate to 1 (every call). */
    @JsonCreator
    static Fault fromJson(@JsonProperty("method") String method, @JsonProperty("path") String path,
                          @JsonProperty("status") Integer status, @JsonProperty("count") Integer count,
                          @JsonProperty("delayMs") Long delayMs, @JsonProperty("afterCommit") Boolean afterCommit,
                          @JsonProperty("rate") Double rate) {
        return new Fault(method, path, status == null ? 0 : status, count == null ? 1 : count,
                delayMs == null ? 0 : delayMs, Boolean.TRUE.equals(afterCommit), rate == null ? 1.0 : rate);
    }

    public Fault {
        if (method == null || method.isBlank() || path == null || path.isBlank()) {
            throw ApiException.invalidRequest("A fault needs a method and a path.");
        }
        if (count < 1) {
            throw ApiException.invalidRequest("A fault's count must be at least 1.");
        }
        if (status != 0 && (status < 100 || status > 599)) {
            throw ApiException.invalidRequest("A fault's status must be an HTTP status or 0 (delay only).");
        }
        if (!(rate > 0 && rate <= 1)) {
            throw ApiException.invalidRequest("A fault's rate must be above 0 and at most 1.");
        }
        if (delayMs < 0) {
            throw ApiException.invalidRequest("A fault's delayMs must not be negative.");
        }
        method = method.toUpperCase(Locale.ROOT);
    }

    boolean matches(String requestMethod, String requestPath) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        if (path.endsWith("/**")) {
            String prefix = path.substring(0, path.length() - 3);
            return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
        }
        return path.equals(requestPath);
    }

    /** Whether this matching call is struck: always at rate 1, otherwise by a draw. */
    boolean strikes(double draw) {
        return rate >= 1 || draw < rate;
    }

    public boolean replacesAnswer() {
        return status != 0;
    }

    /** The error answer this fault sends instead of the real one. */
    public ApiException error() {
        return ApiException.forStatus(status, "Injected fault (sandbox).");
    }
}
