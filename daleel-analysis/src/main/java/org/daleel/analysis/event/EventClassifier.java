package org.daleel.analysis.event;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daleel.analysis.ActorType;
import org.daleel.analysis.EventType;
import org.daleel.analysis.text.ArabicClitics;
import org.daleel.analysis.text.Normalizer;
import org.daleel.analysis.text.Tokens;

/**
 * Classifies sentences into {@link EventType}s with English and Arabic cue lexicons (phrases
 * matched on normalised words, Arabic words also without their attached conjunction and
 * preposition). A sentence may report several events ("shelling hit the hospital" is shelling and an
 * attack on medical care). Territory changes are told apart by the actors of the sentence: state
 * forces regain, others overtake.
 *
 * <p>Immutable and thread-safe.
 */
public final class EventClassifier {
    /** A cue for "took control of", resolved by the sentence's actors. */
    private static final String CAPTURE = "capture";
    /** A cue for an attack verb, used with medical and aid nouns. */
    private static final String HIT = "hit";
    /** A noun naming medical care, aid or rescuers. */
    private static final String MEDICAL = "medical";
    /** Generic Arabic "bombardment": shelling unless an air cue is present. */
    private static final String BOMBARDMENT = "bombardment";

    private static final Map<String, String> CUES = new HashMap<>();
    private static final Map<String, Integer> MAX_WORDS = new HashMap<>();

    static {
        cues(
                EventType.AIR_DRONE_STRIKE.code(),
                "airstrike",
                "airstrikes",
                "air strike",
                "air strikes",
                "air raid",
                "air raids",
                "warplanes",
                "warplane",
                "fighter jets",
                "jets bombed",
                "helicopter",
                "helicopters",
                "barrel bomb",
                "barrel bombs",
                "drones",
                "drone",
                "drone strike",
                "drone strikes",
                "drone attack",
                "bombing raid",
                "aerial bombardment",
                "air attack",
                "غاره",
                "غارات",
                "الطيران الحربي",
                "طائرات حربيه",
                "الطائرات الحربيه",
                "طائره مسيره",
                "طائرات مسيره",
                "مسيره",
                "براميل متفجره",
                "برميل متفجر",
                "البراميل المتفجره",
                "الطيران المروحي",
                "قصف جوي",
                "مروحيات",
                "الطيران الروسي",
                "طيران النظام",
                "طيران التحالف");
        cues(
                EventType.SHELLING.code(),
                "shelling",
                "shelled",
                "artillery",
                "shells",
                "shell",
                "mortar",
                "mortars",
                "rocket",
                "rockets",
                "missile",
                "missiles",
                "rocket fire",
                "bombardment",
                "bombarded",
                "قذائف",
                "قذيفه",
                "قصف مدفعي",
                "قصف صاروخي",
                "مدفعيه",
                "المدفعيه",
                "هاون",
                "الهاون",
                "صواريخ",
                "صاروخ",
                "راجمات",
                "راجمه",
                "صواريخ غراد");
        cues(BOMBARDMENT, "قصف", "قصفت", "استهدف", "استهدفت");
        cues(
                EventType.REMOTE_EXPLOSIVE.code(),
                "car bomb",
                "ied",
                "landmine",
                "landmines",
                "explosive device",
                "roadside bomb",
                "booby trap",
                "explosion",
                "blast",
                "سياره مفخخه",
                "مفخخه",
                "عبوه ناسفه",
                "لغم",
                "الغام",
                "انفجار",
                "تفجير");
        cues(
                EventType.SUICIDE_BOMB.code(),
                "suicide bomber",
                "suicide bombing",
                "suicide attack",
                "suicide car bomb",
                "انتحاري",
                "هجوم انتحاري");
        cues(
                EventType.CHEMICAL_ATTACK.code(),
                "chemical attack",
                "chemical weapons",
                "chemical weapon",
                "chlorine",
                "sarin",
                "toxic gas",
                "nerve agent",
                "poison gas",
                "chemical",
                "كيماوي",
                "الكيماوي",
                "كيميائي",
                "الكيميائي",
                "الكلور",
                "غاز الكلور",
                "السارين",
                "غازات سامه",
                "غاز سام");
        cues(
                EventType.ARMED_CLASH.code(),
                "clashes",
                "clashed",
                "clash",
                "fighting",
                "battles",
                "fought",
                "gunfight",
                "firefight",
                "heavy fighting",
                "اشتباكات",
                "اشتباك",
                "معارك",
                "معركه",
                "اشتبكت",
                "مواجهات");
        cues(
                "government_regains_territory",
                "recaptured",
                "retook",
                "regained control",
                "regained",
                "recapture",
                "استعادت",
                "استعاد",
                "استعاده السيطره");
        cues(
                CAPTURE,
                "captured",
                "seized",
                "took control",
                "taken control",
                "overran",
                "stormed",
                "took over",
                "advanced into",
                "سيطرت",
                "سيطر",
                "السيطره علي",
                "تقدمت",
                "انتزعت",
                "اقتحمت",
                "اقتحام");
        cues(
                EventType.ATTACK_ON_CIVILIANS.code(),
                "massacre",
                "massacred",
                "shot dead",
                "gunned down",
                "killed civilians",
                "مجزره",
                "مجازر",
                "اعدامات ميدانيه");
        cues(
                EventType.EXECUTION.code(),
                "executed",
                "execution",
                "executions",
                "beheaded",
                "summary execution",
                "اعدام",
                "اعدم",
                "اعدمت",
                "ذبح",
                "اعدام ميداني");
        cues(
                EventType.ARREST_DETENTION.code(),
                "arrested",
                "arrest",
                "arrests",
                "detained",
                "detention",
                "abducted",
                "kidnapped",
                "disappeared",
                "enforced disappearance",
                "forcibly disappeared",
                "raid and arrest",
                "اعتقال",
                "اعتقل",
                "اعتقلت",
                "احتجاز",
                "اختطاف",
                "خطف",
                "اختفاء قسري",
                "حمله اعتقالات",
                "مداهمه");
        cues(
                EventType.SIEGE.code(),
                "siege",
                "besieged",
                "encircled",
                "blockade",
                "starvation",
                "under siege",
                "حصار",
                "محاصره",
                "المحاصره",
                "المحاصر",
                "الحصار",
                "تجويع");
        cues(
                EventType.EVACUATION.code(),
                "evacuation",
                "evacuated",
                "evacuees",
                "green buses",
                "اجلاء",
                "اخلاء",
                "الباصات الخضراء",
                "الحافلات الخضراء");
        cues(
                EventType.FORCED_DISPLACEMENT.code(),
                "forcibly displaced",
                "forced displacement",
                "displaced",
                "displacement",
                "expelled",
                "deported",
                "forced out",
                "uprooted",
                "fled",
                "تهجير",
                "التهجير القسري",
                "تهجير قسري",
                "نزوح",
                "نزح",
                "نازحين",
                "المهجرين",
                "تهجير السكان");
        cues(
                EventType.LOOTING.code(),
                "looting",
                "looted",
                "plundered",
                "pillaged",
                "pillage",
                "نهب",
                "سرقه",
                "تعفيش",
                "نهبت");
        cues(
                EventType.AGREEMENT.code(),
                "ceasefire",
                "cease-fire",
                "truce",
                "agreement",
                "deal",
                "reconciliation",
                "هدنه",
                "اتفاق",
                "وقف اطلاق النار",
                "تسويه",
                "مصالحه");
        cues(
                EventType.PROTEST.code(),
                "protest",
                "protests",
                "protesters",
                "demonstration",
                "demonstrations",
                "demonstrators",
                "rally",
                "sit-in",
                "مظاهره",
                "مظاهرات",
                "احتجاج",
                "احتجاجات",
                "وقفه احتجاجيه",
                "المتظاهرين");
        cues(
                HIT,
                "hit",
                "struck",
                "targeted",
                "bombed",
                "attacked",
                "attack",
                "damaged",
                "destroyed",
                "strike",
                "stormed",
                "raided",
                "اصابت",
                "استهدف",
                "استهدفت",
                "استهداف",
                "دمر",
                "تدمير",
                "اصابه",
                "تضرر",
                "خروج");
        cues(
                MEDICAL,
                "hospital",
                "hospitals",
                "clinic",
                "clinics",
                "medical point",
                "medical facility",
                "medical facilities",
                "health centre",
                "health center",
                "ambulance",
                "ambulances",
                "paramedics",
                "medics",
                "doctors",
                "medical workers",
                "aid workers",
                "aid convoy",
                "humanitarian convoy",
                "aid convoys",
                "relief workers",
                "rescuers",
                "rescue workers",
                "civil defence",
                "civil defense",
                "white helmets",
                "مستشفي",
                "مشفي",
                "المشفي",
                "المستشفي",
                "نقطه طبيه",
                "مركز طبي",
                "مركز صحي",
                "سياره اسعاف",
                "سيارات الاسعاف",
                "الكوادر الطبيه",
                "قافله مساعدات",
                "عمال الاغاثه",
                "الدفاع المدني",
                "الخوذ البيضاء",
                "مستوصف");
    }

    private static void cues(String type, String... phrases) {
        for (String p : phrases) {
            String key = Normalizer.key(p);
            CUES.put(key, type);
            int sp = key.indexOf(' ');
            String first = sp < 0 ? key : key.substring(0, sp);
            MAX_WORDS.merge(first, key.split(" ").length, Math::max);
        }
    }

    private static final Set<String> AIR = Set.of(EventType.AIR_DRONE_STRIKE.code());

    private EventClassifier() {}

    /**
     * Event types of sentence {@code s}, in the order their first cue appears.
     *
     * @param actorTypes types of the actors named in the sentence (for territory changes)
     */
    public static List<EventType> classify(Tokens t, int s, Set<ActorType> actorTypes) {
        List<String> found = new ArrayList<>();
        String[] forms = new String[5];
        StringBuilder sb = new StringBuilder();
        int end = t.sentenceEnd(s);
        for (int i = t.sentenceFirst(s); i < end; i++) {
            if (!t.isWord(i)) {
                continue;
            }
            int nf = t.kind(i) == Tokens.ARABIC ? ArabicClitics.forms(t.norm(i), forms) : 1;
            forms[0] = t.norm(i);
            String last = forms[nf - 1];
            if (t.kind(i) == Tokens.ARABIC && last.startsWith("ال") && last.length() > 4) {
                forms[nf++] = last.substring(2); // القذائف -> قذائف
            }
            int matched = 0;
            for (int f = 0; f < nf && matched == 0; f++) {
                Integer max = MAX_WORDS.get(forms[f]);
                if (max == null) {
                    continue;
                }
                int avail = Math.min(max, t.run(i, max));
                for (int len = avail; len >= 1; len--) {
                    sb.setLength(0);
                    sb.append(forms[f]);
                    for (int j = 1; j < len; j++) {
                        sb.append(' ').append(t.norm(i + j));
                    }
                    String type = CUES.get(sb.toString());
                    if (type != null) {
                        if (!found.contains(type)) {
                            found.add(type);
                        }
                        matched = len;
                        break;
                    }
                }
            }
            if (matched > 1) {
                i += matched - 1;
            }
        }
        return resolve(found, actorTypes);
    }

    private static List<EventType> resolve(List<String> found, Set<ActorType> actorTypes) {
        EnumSet<EventType> seen = EnumSet.noneOf(EventType.class);
        List<EventType> out = new ArrayList<>();
        boolean air = found.stream().anyMatch(AIR::contains);
        for (String f : found) {
            EventType type;
            switch (f) {
                case HIT, MEDICAL -> {
                    continue;
                }
                case BOMBARDMENT -> type = air ? null : EventType.SHELLING;
                case CAPTURE ->
                    type = actorTypes.contains(ActorType.STATE_FORCES)
                            ? EventType.GOVERNMENT_REGAINS_TERRITORY
                            : EventType.NON_STATE_OVERTAKES_TERRITORY;
                default -> type = EventType.parse(f);
            }
            if (type != null && seen.add(type)) {
                out.add(type);
            }
        }
        // medical care, aid or rescuers named together with an attack verb ("struck a hospital")
        if (found.contains(MEDICAL) && found.contains(HIT) && seen.add(EventType.ATTACK_ON_MEDICAL_AID)) {
            out.add(EventType.ATTACK_ON_MEDICAL_AID);
        }
        return out;
    }
}
