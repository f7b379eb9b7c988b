package org.daleel.analysis.place;

import java.util.Map;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.text.Tokenizer;
import org.daleel.analysis.text.Tokens;
import org.junit.jupiter.api.Test;

class PlaceScratchTest {
    @Test
    void scratch() {
        Gazetteer g = Gazetteer.loadDefault();
        PlaceRecognizer r = new PlaceRecognizer(g);
        String[] texts = {
            "Residents of Darayya, south-west of Damascus, said artillery shells struck the area around the town's water pumping station on Friday night.",
            "في داريا، قال سكان إن القذائف أصابت محيط محطة ضخ المياه.",
            "Palmyra, a village in Wayne County in upstate New York, held its annual canal festival.",
            "Government forces recaptured Palmyra from Islamic State fighters in Homs province.",
            "There is hope for peace. The European Union met. West of the city, Union leaders gathered. Hope remains.",
            "Shelling hit rural Damascus and eastern Aleppo. 87% of Aleppo province remains out of regime control. Clashes in ريف دمشق و محافظة حلب.",
            "Airstrikes hit Khan Sheikhoun, Maaret al-Noman and Deir ez-Zor; fighting near al-Bab and Raqqa. Daraa, Dar'a and Deraa.",
            "قصفت قوات النظام بلدة كفرنبل وقرية الجبل في ريف إدلب الجنوبي، وسقطت قذائف على حلب والرقة ودير الزور.",
        };
        for (String s : texts) {
            Tokens t = Tokenizer.tokenize(s);
            var res = r.recognize(t, new boolean[t.size()], Map.of());
            System.out.println("== " + s);
            for (ResolvedPlace p : res.places()) {
                System.out.println("   " + s.substring(p.start(), p.end()) + " -> " + p.place() + (p.reference() ? " REF" : ""));
            }
            System.out.println("   ctx " + res.countries());
        }
    }
}
