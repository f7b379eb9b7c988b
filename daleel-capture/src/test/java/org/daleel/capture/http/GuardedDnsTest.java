package org.daleel.capture.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;

class GuardedDnsTest {

    private static InetAddress ip(String s) throws UnknownHostException {
        return InetAddress.getByName(s);
    }

    @Test
    void returns_public_answers_and_records_them() throws UnknownHostException {
        Dns resolver = host -> List.of(ip("93.184.216.34"), ip("2606:2800:220:1:248:1893:25c8:1946"));
        GuardedDns dns = new GuardedDns(new AddressPolicy(false), resolver);
        assertThat(dns.lookup("example.org")).hasSize(2);
        assertThat(dns.answers())
                .containsEntry("example.org", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"));
    }

    @Test
    void refuses_the_whole_answer_when_any_address_is_private() throws UnknownHostException {
        Dns resolver = host -> List.of(ip("93.184.216.34"), ip("10.0.0.7"));
        GuardedDns dns = new GuardedDns(new AddressPolicy(false), resolver);
        assertThatThrownBy(() -> dns.lookup("rebind.example"))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessage("rebind.example resolves to 10.0.0.7 is a private address; private capture is off");
        assertThat(dns.answers()).containsKey("rebind.example");
    }

    @Test
    void refuses_metadata_answers_even_with_private_capture() throws UnknownHostException {
        Dns resolver = host -> List.of(ip("169.254.169.254"));
        GuardedDns dns = new GuardedDns(new AddressPolicy(true), resolver);
        assertThatThrownBy(() -> dns.lookup("innocent.example"))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessageContaining("cloud metadata address");
    }

    @Test
    void refuses_metadata_and_localhost_names_without_asking_the_resolver() {
        AtomicInteger asked = new AtomicInteger();
        Dns resolver = host -> {
            asked.incrementAndGet();
            return List.of(InetAddress.getLoopbackAddress());
        };
        GuardedDns dns = new GuardedDns(new AddressPolicy(false), resolver);
        assertThatThrownBy(() -> dns.lookup("metadata.google.internal")).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> dns.lookup("localhost")).isInstanceOf(ForbiddenAddressException.class);
        assertThat(asked).hasValue(0);
    }

    @Test
    void passes_resolver_failures_through() {
        Dns resolver = host -> {
            throw new UnknownHostException(host + ": no such host");
        };
        GuardedDns dns = new GuardedDns(new AddressPolicy(false), resolver);
        assertThatThrownBy(() -> dns.lookup("nowhere.invalid"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(ForbiddenAddressException.class);
    }
}
