package dev.camelzest.routes.investors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.camelzest.routes.filedrop.RowError;
import dev.camelzest.routes.filedrop.RowStatus;
import org.junit.jupiter.api.Test;

class BulkReplyTest {

    private static final InvestorRow ALICE = new InvestorRow(4, "acme-7341", "alice@example.com", "Alice",
            "Liddell", "1985-04-12", "AE", null);
    private static final InvestorRow BOB = new InvestorRow(5, "acme-7342", "bob@example.com", "Bob", "Marley",
            "1980-02-06", "JM", null);

    record Error(String code, String field, String message, boolean retryable) {
    }

    record Result(String partnerInvestorId, String status, String zestPersonId, Error error) {
    }

    record Response(List<Result> results) {
    }

    @Test
    void readsTypedRecordsMapsAndJson() {
        String json = """
                {"results":[
                  {"partnerInvestorId":"acme-7341","status":"created","zestPersonId":"psn_abc123"},
                  {"partnerInvestorId":"acme-7342","status":"failed","error":{"code":"conflict","field":"email",
                   "message":"email already used","retryable":false}},
                  {"partnerInvestorId":"acme-7341","status":"already_exists","zestPersonId":"psn_abc123"}]}
                """;
        Response typed = new Response(List.of(new Result("acme-7341", "created", "psn_abc123", null),
                new Result("acme-7342", "failed", null, new Error("conflict", "email", "email already used", false))));
        Map<String, Object> map = Map.of("results", List.of(
                Map.of("partnerInvestorId", "acme-7341", "status", "created", "zestPersonId", "psn_abc123"),
                Map.of("partnerInvestorId", "acme-7342", "status", "failed", "error",
                        Map.of("code", "conflict", "field", "email", "message", "email already used", "retryable",
                                false))));

        for (Object body : List.of(json, typed, map)) {
            BulkReply reply = BulkReply.of(body);
            assertThat(reply.resultFor(ALICE))
                    .isEqualTo(new RowResult(4, "acme-7341", RowStatus.CREATED, "psn_abc123", null));
            assertThat(reply.resultFor(BOB)).isEqualTo(new RowResult(5, "acme-7342", RowStatus.FAILED, null,
                    new RowError("conflict", "email", "email already used", false)));
        }
    }

    @Test
    void aRowWithoutAResultOrWithAnUnknownStatusFails() {
        BulkReply reply = BulkReply.of("{\"results\":[{\"partnerInvestorId\":\"acme-7341\",\"status\":\"queued\"}]}");

        assertThat(reply.resultFor(ALICE).status()).isEqualTo(RowStatus.FAILED);
        assertThat(reply.resultFor(ALICE).error().code()).isEqualTo("unexpected_status");
        assertThat(reply.resultFor(BOB).error().code()).isEqualTo("missing_result");
        assertThat(reply.resultFor(BOB).error().retryable()).isTrue();
    }
}
