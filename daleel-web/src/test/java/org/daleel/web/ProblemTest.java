package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.ContentTooLargeResponse;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureException.Cause;
import org.daleel.core.ConflictException;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.junit.jupiter.api.Test;

class ProblemTest {
    private static Problem of(Throwable e) {
        return Problem.of(e, "GET", "/api/x");
    }

    @Test
    void maps_domain_exceptions_to_statuses_and_codes() {
        assertThat(of(new InvalidInputException("bad"))).isEqualTo(new Problem(400, "invalid-input", "bad"));
        assertThat(of(new NotFoundException("gone"))).isEqualTo(new Problem(404, "not-found", "gone"));
        assertThat(of(new ConflictException("busy"))).isEqualTo(new Problem(409, "conflict", "busy"));
        assertThat(of(new IntegrityException("changed")).status()).isEqualTo(500);
        assertThat(of(new ContentTooLargeResponse("big"))).isEqualTo(new Problem(413, "too-large", "big"));
    }

    @Test
    void maps_capture_failures_by_cause() {
        assertThat(of(new CaptureException(Cause.BAD_URL, "u")).status()).isEqualTo(400);
        assertThat(of(new CaptureException(Cause.FORBIDDEN_ADDRESS, "u")).status())
                .isEqualTo(403);
        assertThat(of(new CaptureException(Cause.TIMEOUT, "u"))).isEqualTo(new Problem(504, "capture-timeout", "u"));
        assertThat(of(new CaptureException(Cause.DNS, "u"))).isEqualTo(new Problem(502, "capture-dns", "u"));
        assertThat(of(new CaptureException(Cause.HTTP_STATUS, "u")).code()).isEqualTo("capture-http-status");
        assertThat(of(new CaptureException(Cause.STORAGE, "u")).status()).isEqualTo(500);
        for (Cause c : Cause.values()) {
            int status = of(new CaptureException(c, "u")).status();
            assertThat(status < 500).as(c.name()).isEqualTo(new CaptureException(c, "u").isClientError());
        }
    }

    @Test
    void hides_the_message_of_unexpected_exceptions() {
        Problem p = of(new IllegalStateException("secret /home/user/path"));
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.code()).isEqualTo("internal-error");
        assertThat(p.detail()).doesNotContain("secret").contains("GET /api/x");
    }
}
