package org.daleel.analysis.place;

import java.util.Map;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.text.Tokenizer;
import org.daleel.analysis.text.Tokens;
import org.junit.jupiter.api.Test;

class DbgTest {
    @Test
    void dbg() {
        Gazetteer g = Gazetteer.loadDefault();
        String s = "Airstrikes hit Khan Sheikhoun, Maaret al-Noman and Deir ez-Zor; fighting near al-Bab and Raqqa.";
        Tokens t = Tokenizer.tokenize(s);
        for (int i = 0; i < t.size(); i++) System.out.print(t.norm(i) + "/" + t.kind(i) + "/" + t.flags(i) + "/" + t.sentence(i) + " ");
        System.out.println();
        var r = new PlaceRecognizer(g).recognize(t, new boolean[t.size()], Map.of());
        r.places().forEach(p -> System.out.println(s.substring(p.start(), p.end()) + " " + p.place().name()));
    }
}
