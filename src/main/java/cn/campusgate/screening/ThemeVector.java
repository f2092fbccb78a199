package cn.campusgate.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A theme as a unit-length weighted bag of features: concepts ({@code c:FIRE}), smartcn words
 * ({@code w:溺水}) and Chinese character bigrams ({@code b:防溺}). Generic words weigh little (an inverse
 * document frequency fixed from the district's vocabulary, so a pairwise score and an index lookup agree),
 * concepts weigh most, and bigrams catch paraphrases the segmenter splits differently.
 *
 * @param selective per feature: whether it is specific enough to find candidates in an index
 */
record ThemeVector(String[] features, float[] weights, boolean[] selective) {

    static final ThemeVector EMPTY = new ThemeVector(new String[0], new float[0], new boolean[0]);

    private static final float WORD = 1.0f;
    private static final float SINGLE_CHAR_WORD = 0.25f;
    private static final float BIGRAM = 0.5f;
    private static final float SELECTIVE = 0.3f;


    static ThemeVector of(String rawText) {
        String text = ChineseText.normalize(rawText);
        if (text.isBlank()) {
            return EMPTY;
        }
        Map<String, Float> features = new HashMap<>();
        for (var concept : ThemeLexicon.CONCEPTS.entrySet()) {
            for (String word : concept.getValue()) {
                if (text.contains(word)) {
                    features.put("c:" + concept.getKey(),
                            ThemeLexicon.broad(concept.getKey()) ? ThemeLexicon.BROAD : ThemeLexicon.SPECIFIC);
                    break;
                }
            }
        }
        for (var concept : ThemeLexicon.PARENT.entrySet()) {
            if (features.containsKey("c:" + concept.getKey()) && features.containsKey("c:" + concept.getValue())) {
                features.put("c:" + concept.getValue(), ThemeLexicon.BROAD_UNDER_SPECIFIC);
            }
        }
        boolean[] generic = new boolean[text.length()];
        for (var word : ThemeLexicon.GENERIC.entrySet()) {
            if (word.getKey().length() < 2) {
                continue;
            }
            int at = text.indexOf(word.getKey());
            while (at >= 0) {
                for (int i = at; i < at + word.getKey().length(); i++) {
                    generic[i] = true;
                }
                at = text.indexOf(word.getKey(), at + 1);
            }
        }
        for (String word : ChineseText.words(text)) {
            Float weight = ThemeLexicon.GENERIC.get(word);
            if (weight == null) {
                weight = word.codePointCount(0, word.length()) == 1 ? SINGLE_CHAR_WORD : WORD;
            }
            features.merge("w:" + word, weight, Math::max);
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if (!ChineseText.isHan(a) || !ChineseText.isHan(b)) {
                continue;
            }
            int genericChars = (generic[i] ? 1 : 0) + (generic[i + 1] ? 1 : 0);
            float weight = switch (genericChars) {
                case 0 -> BIGRAM;
                case 1 -> BIGRAM * 0.3f;
                default -> BIGRAM * 0.06f;
            };
            features.merge("b:" + a + b, weight, Math::max);
        }
        return normalised(features);
    }

    private static ThemeVector normalised(Map<String, Float> features) {
        double squares = 0;
        for (float weight : features.values()) {
            squares += (double) weight * weight;
        }
        double norm = Math.sqrt(squares);
        if (norm == 0) {
            return EMPTY;
        }
        List<Map.Entry<String, Float>> entries = new ArrayList<>(features.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        String[] names = new String[entries.size()];
        float[] weights = new float[entries.size()];
        boolean[] selective = new boolean[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            names[i] = entries.get(i).getKey();
            weights[i] = (float) (entries.get(i).getValue() / norm);
            selective[i] = entries.get(i).getValue() >= SELECTIVE;
        }
        return new ThemeVector(names, weights, selective);
    }

    boolean isEmpty() {
        return features.length == 0;
    }

    /** Cosine of two unit vectors: both feature arrays are sorted, so one merge pass. */
    double dot(ThemeVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < features.length && j < other.features.length) {
            int cmp = features[i].compareTo(other.features[j]);
            if (cmp == 0) {
                sum += weights[i++] * other.weights[j++];
            } else if (cmp < 0) {
                i++;
            } else {
                j++;
            }
        }
        return Math.min(1.0, sum);
    }
}
