package org.daleel.capture.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
    private static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false);
    private static final AddressPolicy PRIVATE_ALLOWED = new AddressPolicy(true);

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "8.8.8.8, PUBLIC",
        "1.1.1.1, PUBLIC",
        "93.184.216.34, PUBLIC",
        "172.15.255.255, PUBLIC",
        "172.32.0.1, PUBLIC",
        "100.63.255.255, PUBLIC",
        "100.128.0.1, PUBLIC",
        "169.253.255.255, PUBLIC",
        "223.255.255.255, PUBLIC",
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "127.0.1.1, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "10.255.255.255, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "169.254.0.1, LINK_LOCAL",
        "169.254.169.253, LINK_LOCAL",
        "169.254.169.254, METADATA",
        "169.254.170.2, METADATA",
        "100.100.100.200, METADATA",
        "100.64.0.1, SHARED",
        "100.127.255.255, SHARED",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "255.255.255.255, BROADCAST",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "240.0.0.1, RESERVED",
        "192.0.2.1, RESERVED",
        "198.18.0.1, RESERVED",
        "198.51.100.7, RESERVED",
        "203.0.113.9, RESERVED",
        "192.0.0.8, RESERVED",
        "2606:4700:4700::1111, PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
        "::1, LOOPBACK",
        "::, UNSPECIFIED",
        "fc00::1, PRIVATE",
        "fd12:3456:789a::1, PRIVATE",
        "fec0::1, PRIVATE",
        "fe80::1, LINK_LOCAL",
        "febf:ffff::1, LINK_LOCAL",
        "ff02::1, MULTICAST",
        "ff05::1:3, MULTICAST",
        "fd00:ec2::254, METADATA",
        "2001:db8::1, RESERVED",
        "3fff::1, RESERVED",
        "100::1, RESERVED",
        "4000::1, RESERVED",
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:10.1.2.3, PRIVATE",
        "::ffff:169.254.169.254, METADATA",
        "::ffff:8.8.8.8, PUBLIC",
        "::127.0.0.1, LOOPBACK",
        "::8.8.8.8, RESERVED",
        "::ffff:0:127.0.0.1, LOOPBACK",
        "64:ff9b::7f00:1, LOOPBACK",
        "64:ff9b::a9fe:a9fe, METADATA",
        "64:ff9b::808:808, PUBLIC",
        "64:ff9b:1::1, PRIVATE",
        "2002:7f00:1::1, LOOPBACK",
        "2002:c0a8:101::1, PRIVATE",
        "2002:808:808::1, PUBLIC",
        "2001:0:4136:e378:8000:63bf:80ff:fffe, LOOPBACK",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7, PUBLIC"
    })
    void classifies_addresses_by_the_iana_special_purpose_registries(String literal, AddressClass expected)
            throws UnknownHostException {
        assertThat(AddressPolicy.classify(ip(literal))).isEqualTo(expected);
    }

    @Test
    void ipv4_mapped_ipv6_built_by_hand_is_judged_by_its_ipv4_address() throws UnknownHostException {
        byte[] mapped = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254
        };
        InetAddress a = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(a).isInstanceOf(java.net.Inet6Address.class);
        assertThat(AddressPolicy.classify(a)).isEqualTo(AddressClass.METADATA);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.0.0.1",
                "172.16.5.5",
                "192.168.0.1",
                "169.254.1.1",
                "100.64.1.1",
                "::1",
                "fd00::1",
                "fe80::1",
                "192.0.2.1"
            })
    void private_use_addresses_are_allowed_only_with_private_capture(String literal) throws UnknownHostException {
        assertThat(PUBLIC_ONLY.permits(ip(literal))).isFalse();
        assertThat(PUBLIC_ONLY.refusal(ip(literal)))
                .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("private capture is off");
        assertThat(PRIVATE_ALLOWED.permits(ip(literal))).isTrue();
        assertThat(PRIVATE_ALLOWED.refusal(ip(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "fd00:ec2::254",
                "0.0.0.0",
                "::",
                "255.255.255.255",
                "224.0.0.251",
                "ff02::fb",
                "::ffff:169.254.169.254",
                "64:ff9b::a9fe:a9fe"
            })
    void metadata_multicast_unspecified_and_broadcast_are_refused_even_with_private_capture(String literal)
            throws UnknownHostException {
        assertThat(PRIVATE_ALLOWED.permits(ip(literal))).isFalse();
        assertThat(PRIVATE_ALLOWED.refusal(ip(literal)))
                .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("capture never connects there");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void public_addresses_are_always_allowed(String literal) throws UnknownHostException {
        assertThat(PUBLIC_ONLY.permits(ip(literal))).isTrue();
        assertThat(PRIVATE_ALLOWED.permits(ip(literal))).isTrue();
    }

    @ParameterizedTest(name = "host {0} is refused")
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1",
                "127.0.1",
                "2130706433",
                "0x7f000001",
                "0x7F.0.0.1",
                "0x7f.1",
                "0177.0.0.1",
                "017700000001",
                "0177.1",
                "[::1]",
                "::1",
                "[::ffff:127.0.0.1]",
                "[::ffff:7f00:1]",
                "[0:0:0:0:0:ffff:7f00:1]",
                "[::]",
                "0",
                "0.0.0.0",
                "0x0",
                "10.1",
                "167772161",
                "3232235777",
                "0xa9fea9fe",
                "2852039166",
                "169.254.169.254",
                "[fe80::1]",
                "localhost",
                "LOCALHOST",
                "localhost.",
                "app.localhost",
                "metadata.google.internal",
                "METADATA.GOOGLE.INTERNAL.",
                "metadata.goog",
                "instance-data"
            })
    void refuses_loopback_private_and_metadata_hosts_in_every_literal_form(String host) {
        assertThat(PUBLIC_ONLY.hostRefusal(host)).as(host).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.org",
                "8.8.8.8",
                "134744072",
                "0x08080808",
                "[2606:4700:4700::1111]",
                "face.example",
                "add",
                "1.2.3.4.5",
                "999.1.1.1",
                "cafe"
            })
    void lets_public_literals_and_ordinary_names_through_to_resolution(String host) {
        assertThat(PUBLIC_ONLY.hostRefusal(host)).as(host).isEmpty();
    }

    @Test
    void ambiguous_octal_looking_literal_is_refused_when_any_reading_is_refused() {
        // Java reads 0177.0.0.1 as 177.0.0.1 (public), inet_aton as 127.0.0.1 (loopback)
        assertThat(AddressPolicy.literalAddresses("0177.0.0.1"))
                .extracting(InetAddress::getHostAddress)
                .containsExactlyInAnyOrder("127.0.0.1", "177.0.0.1");
        assertThat(PUBLIC_ONLY.hostRefusal("0177.0.0.1"))
                .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("127.0.0.1 is a loopback address");
    }

    @Test
    void metadata_hosts_stay_refused_with_private_capture_but_localhost_is_allowed() {
        assertThat(PRIVATE_ALLOWED.hostRefusal("metadata.google.internal")).isPresent();
        assertThat(PRIVATE_ALLOWED.hostRefusal("0xa9fea9fe")).isPresent();
        assertThat(PRIVATE_ALLOWED.hostRefusal("localhost")).isEmpty();
        assertThat(PRIVATE_ALLOWED.hostRefusal("2130706433")).isEmpty();
    }

    @Test
    void literal_parsing_never_looks_names_up() {
        assertThat(AddressPolicy.literalAddresses("example.org")).isEmpty();
        assertThat(AddressPolicy.literalAddresses("not:an:ipv6:zz")).isEmpty();
        assertThat(AddressPolicy.literalAddresses("2130706433"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
    }
}
