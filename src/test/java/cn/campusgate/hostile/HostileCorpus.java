package cn.campusgate.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile values of {@code hostile/corpus.txt}: markup, SQL fragments, control characters, malformed Unicode,
 * very long strings, wrong numbers and dates, blanks. Each value has its category and a short label for messages.
 */
public final class HostileCorpus {

    public record Value(String category, String text) {

        /** Markup that a page must never echo unescaped. */
        public boolean isMarkup() {
            return category.equals("markup") || text.contains("<");
        }

        public String label() {
            String shown = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
            StringBuilder out = new StringBuilder(category).append(':');
            shown.codePoints().forEach(c -> {
                if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.SURROGATE) {
                    out.append(String.format("\\u%04X", c));
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString();
        }

        @Override
        public String toString() {
            return label();
        }
    }

    private static final Pattern REPEAT = Pattern.compile("\\$\\{repeat:(\\d+):([^}]*)}");
    private static final List<Value> ALL = load();

    private HostileCorpus() {
    }

    public static List<Value> all() {
        return ALL;
    }

    public static List<Value> of(String category) {
        return ALL.stream().filter(v -> v.category().equals(category)).toList();
    }

    /** The raw markup strings of the corpus, each of which must appear only escaped in any page. */
    public static List<String> rawMarkup() {
        return ALL.stream().filter(v -> v.category().equals("markup") && v.text().contains("<"))
                .map(Value::text).toList();
    }

    private static List<Value> load() {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/corpus.txt")) {
            if (in == null) {
                throw new IllegalStateException("hostile/corpus.txt is missing");
            }
            List<Value> values = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException("corpus line without a category: " + line);
                }
                values.add(new Value(line.substring(0, tab), decode(line.substring(tab + 1))));
            }
            return List.copyOf(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decode(String raw) {
        Matcher repeat = REPEAT.matcher(raw);
        if (repeat.matches()) {
            return decode(repeat.group(2)).repeat(Integer.parseInt(repeat.group(1)));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}
