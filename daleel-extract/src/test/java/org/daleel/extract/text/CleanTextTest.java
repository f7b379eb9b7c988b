package org.daleel.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanTextTest {

    @Test
    void removes_control_characters_and_normalises_line_breaks_and_spaces() {
        assertThat(CleanText.of("  a\u0000b\u0007 \t c \r\nd\re\u000Cf  \n\n\n\n g\uFEFF "))
                .isEqualTo("ab c\nd\ne\nf\n\ng");
    }

    @Test
    void replaces_unpaired_surrogates_and_keeps_pairs() {
        assertThat(CleanText.of("x\uD800y\uDC00z😀")).isEqualTo("x\uFFFDy\uFFFDz😀");
        assertThat(CleanText.of("end\uD83D")).isEqualTo("end\uFFFD");
    }

    @Test
    void takes_the_first_non_empty_line_cut_to_length_without_splitting_a_pair() {
        assertThat(CleanText.firstLine("\n\n   Title here  \nbody", 200)).isEqualTo("Title here");
        assertThat(CleanText.firstLine("ab😀cd", 3)).isEqualTo("ab");
        assertThat(CleanText.firstLine("\n \n", 10)).isEmpty();
    }
}
