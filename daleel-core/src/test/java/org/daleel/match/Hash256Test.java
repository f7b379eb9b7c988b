package org.daleel.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class Hash256Test {

    @Property(tries = 200)
    void hex_round_trips_and_matches_the_256_bit_integer(
            @ForAll long a, @ForAll long b, @ForAll long c, @ForAll long d) {
        Hash256 h = new Hash256(a, b, c, d);

        assertThat(Hash256.fromHex(h.toHex())).isEqualTo(h);
        assertThat(Hash256.fromHex(h.toHex().toUpperCase(java.util.Locale.ROOT)))
                .isEqualTo(h);
        BigInteger value = new BigInteger(h.toHex(), 16);
        for (int k = 0; k < 256; k += 17) {
            assertThat(h.bit(k)).isEqualTo(value.testBit(k));
        }
    }

    @Property(tries = 200)
    void distance_is_a_metric(
            @ForAll long a,
            @ForAll long b,
            @ForAll long c,
            @ForAll long d,
            @ForAll @IntRange(min = 0, max = 255) int bit) {
        Hash256 x = new Hash256(a, b, c, d);
        Hash256 y = new Hash256(b, c, d, a);
        Hash256 z = x.flip(bit);

        assertThat(x.distance(x)).isZero();
        assertThat(x.distance(y)).isEqualTo(y.distance(x));
        assertThat(x.distance(z)).isEqualTo(1);
        assertThat(x.distance(y)).isLessThanOrEqualTo(x.distance(z) + z.distance(y));
        assertThat(z.bit(bit)).isNotEqualTo(x.bit(bit));
    }

    @Test
    void bit_numbering_is_metas_word_order() {
        // Meta prints 16-bit word 15 first; bit k lives in word k / 16 at position k % 16.
        Hash256 h = Hash256.ZERO.flip(0).flip(17).flip(255);

        assertThat(h.toHex()).isEqualTo("8000" + "0".repeat(52) + "00020001");
    }

    @Test
    void malformed_hex_is_invalid_input_naming_the_value() {
        assertThatThrownBy(() -> Hash256.fromHex("abc"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'abc'");
        assertThatThrownBy(() -> Hash256.fromHex("g".repeat(64)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("non-hex");
    }
}
