package org.daleel.analysis.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.daleel.analysis.text.Tokenizer;
import org.daleel.analysis.text.Tokens;
import org.junit.jupiter.api.Test;

class PersonNamesTest {
    private static List<String> names(String text) {
        Tokens t = Tokenizer.tokenize(text);
        boolean[] names = new boolean[t.size()];
        PersonNames.mark(t, new boolean[t.size()], names);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (names[i]) {
                out.add(t.surface(i));
            }
        }
        return out;
    }

    @Test
    void finds_names_by_title_given_name_age_and_speech_and_then_every_later_surname() {
        assertThat(names("Sheriff Ripley closed the road. Ripley said it would reopen."))
                .containsExactly("Ripley", "Ripley");
        assertThat(names("Karen Baker lives here. Later Baker left.")).containsExactly("Karen", "Baker", "Baker");
        assertThat(names("Desmond Clark, 22, pleaded guilty; the judge sent Clark to prison."))
                .containsExactly("Desmond", "Clark", "Clark");
        assertThat(names("The fire was put out, said Tiara Ellis.")).containsExactly("Tiara", "Ellis");
        assertThat(names("Mr. Jones spoke.")).containsExactly("Jones");
    }

    @Test
    void leaves_places_alone() {
        assertThat(names("Karen Scott moved to Scott from Scott County.")).containsExactly("Karen", "Scott");
        assertThat(names("Traffic on Jackson Street stopped. Damascus said it would respond."))
                .isEmpty();
        assertThat(names("Officials in New York said the bridge is closed.")).isEmpty();
        assertThat(names("He left with the spokeswoman. Albany police arrested him."))
                .isEmpty();
    }

    @Test
    void a_middle_initial_makes_a_person() {
        assertThat(names("Kijuan D. McDonald was hauling a sack. Deputies chatted with McDonald."))
                .containsExactly("Kijuan", "D", ".", "McDonald", "McDonald");
    }
}
