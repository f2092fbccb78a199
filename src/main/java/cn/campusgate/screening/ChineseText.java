package cn.campusgate.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese text handling shared by the rules and the similarity: normalisation (full-width to half-width,
 * lower case) and word segmentation with Lucene's smartcn analyzer. The analyzer is thread-safe.
 */
final class ChineseText {

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer(true);

    private ChineseText() {
    }

    /** NFKC (full-width letters, digits and punctuation become ASCII) and lower case. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Words of the text, in order, punctuation and smartcn's stop words dropped. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
        return words;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
